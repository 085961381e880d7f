using System.Text.Json;
using System.Text.RegularExpressions;
using Slipway.Tests;

namespace Slipway.Cli.Tests.Run;

/// <summary>
/// <c>pwsh</c>/<c>powershell</c> steps and PowerShell@2 run by the real PowerShell 7 that test.sh provisions
/// (AZP-STEP-9, TC-49, TC-50; azure-pipelines-tasks <c>Tasks/PowerShellV2/powershell.ts</c>). On Linux the task
/// runs <c>pwsh</c> for both keywords: <c>pwsh -NoLogo -NoProfile -NonInteractive -Command ". 'TEMP/GUID.ps1'"</c>.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed partial class PowerShellRunTests
{
    private const string Secret = "pwsh-cli-secret-2718";

    [GeneratedRegex(@"^##\[command\]/\S+/pwsh -NoLogo -NoProfile -NonInteractive -Command ([.&]) '(/\S+/_temp/[0-9a-f-]{36}\.ps1)'$")]
    private static partial Regex CommandLine();

    [Fact]
    public async Task AZP_STEP_9_PwshAndPowershellSteps_RunPwshWithTheTasksCommandLine_PreferencesExitCodesEnvAndSecrets()
    {
        ProvisionedTools.Require("pwsh");
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - pwsh: |
                Write-Host "edition=$($PSVersionTable.PSEdition) eap=$ErrorActionPreference progress=$ProgressPreference"
                Write-Host "mapped=$env:MAPPED key=$env:API_KEY"
                $v = 'runtime-' + 'secret-1618'
                Write-Host "##vso[task.setvariable variable=fromPwsh]set-by-pwsh"
                Write-Host "##vso[task.setvariable variable=made;issecret=true]$v"
              env:
                MAPPED: mapped-value
                API_KEY: $(apiKey)
              name: Pwsh
            - powershell: |
                Write-Host "fromPwsh=$(fromPwsh) made=$env:MADE edition=$($PSVersionTable.PSEdition)"
              env:
                MADE: $(made)
              name: PowerShell
            - powershell: |
                Write-Error 'Uh oh, an error occurred'
                Write-Host 'Trying again (stop)'
              name: TC49Stop
              continueOnError: true
            - powershell: |
                Write-Error 'Uh oh, an error occurred'
                Write-Host 'Trying again (continue)'
              errorActionPreference: continue
              name: TC49Continue
            - powershell: bash -c 'exit 3'
              name: TC50Exit
              continueOnError: true
            - powershell: bash -c 'exit 3'
              ignoreLASTEXITCODE: true
              name: TC50Ignore
            """, "--secret", "apiKey=" + Secret);

        var lines = run.Lines("Job");
        var commands = lines.Select(l => CommandLine().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(6, commands.Count);
        Assert.All(commands, m => Assert.Equal(".", m.Groups[1].Value));
        Assert.Contains("edition=Core eap=Stop progress=SilentlyContinue", lines);
        Assert.Contains("mapped=mapped-value key=***", lines);
        Assert.Contains("fromPwsh=set-by-pwsh made=*** edition=Core", lines);

        // TC-49: 'stop' ends the script at Write-Error; 'continue' runs on and the step succeeds.
        Assert.Equal("SucceededWithIssues", run.RecordResult("__default.Job.TC49Stop"));
        Assert.DoesNotContain("Trying again (stop)", lines);
        Assert.Contains("Trying again (continue)", lines);
        Assert.Equal("Succeeded", run.RecordResult("__default.Job.TC49Continue"));

        // TC-50: the suffix exits with $LASTEXITCODE; 'pwsh -Command' reports a script's non-zero exit as 1
        // (PowerShell docs, about_Pwsh -Command; PowerShell/PowerShell#13501). ignoreLASTEXITCODE drops the suffix.
        Assert.Equal("SucceededWithIssues", run.RecordResult("__default.Job.TC50Exit"));
        Assert.Equal("PowerShell exited with code '1'.", run.RecordReason("__default.Job.TC50Exit"));
        Assert.Equal("Succeeded", run.RecordResult("__default.Job.TC50Ignore"));

        var everything = run.Out + run.Err + run.AllLogs() + JsonSerializer.Serialize(run.Json);
        Assert.DoesNotContain(Secret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("runtime-secret-1618", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZP_STEP_9_PowerShell2_FileArgumentsWorkingDirectoryScopeWarningsStderrAndInputErrors()
    {
        ProvisionedTools.Require("pwsh");
        var harness = new RunHarness();
        harness.Write("scripts/greet.ps1", "param([string]$Name, [int]$Count)\nWrite-Host \"hello $Name x$Count in $((Get-Location).Path)\"\n");
        harness.Write("scripts/readme.txt", "not a script\n");
        var run = await harness.RunAsync("""
            steps:
            - checkout: self
            - task: PowerShell@2
              name: File
              inputs:
                filePath: scripts/greet.ps1
                arguments: -Name 'World' -Count 2
                workingDirectory: scripts
                pwsh: false
            - task: PowerShell@2
              name: Warnings
              inputs:
                targetType: inline
                script: |
                  Write-Warning 'careful now'
                  Write-Host 'after warning'
                showWarnings: true
                runScriptInSeparateScope: true
            - task: PowerShell@2
              name: Stderr
              continueOnError: true
              inputs:
                targetType: inline
                script: "[Console]::Error.WriteLine('to stderr')"
                failOnStderr: true
            - task: PowerShell@2
              name: BadPreference
              continueOnError: true
              inputs:
                targetType: inline
                script: Write-Host never
                errorActionPreference: sometimes
            - task: PowerShell@2
              name: NotPs1
              inputs:
                filePath: scripts/readme.txt
            """);

        var lines = run.Lines("Job");
        var sources = Regex.Match(string.Join('\n', lines), @"Formatted command: \. '(/\S+)/scripts/greet\.ps1' -Name 'World' -Count 2");
        Assert.True(sources.Success, string.Join('\n', lines));
        Assert.Contains($"hello World x2 in {sources.Groups[1].Value}/scripts", lines);
        var operators = lines.Select(l => CommandLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([".", "&", "."], operators);

        Assert.Contains("after warning", lines);
        Assert.Contains(run.Issues(), i => i.GetProperty("type").GetString() == "Warning" && i.GetProperty("message").GetString() == "careful now");
        Assert.Equal("SucceededWithIssues", run.RecordResult("__default.Job.Stderr"));
        Assert.Equal("PowerShell wrote one or more lines to the standard error stream.", run.RecordReason("__default.Job.Stderr"));
        Assert.Equal(
            "Invalid action preference for errorActionPreference: 'sometimes'. The value must be one of: Default, Stop, Continue, SilentlyContinue",
            run.RecordReason("__default.Job.BadPreference"));
        Assert.DoesNotContain("never", lines);
        Assert.Equal("Failed", run.RecordResult("__default.Job.NotPs1"));
        Assert.Equal($"Invalid file path '{sources.Groups[1].Value}/scripts/readme.txt'. A path to a .ps1 file is required.", run.RecordReason("__default.Job.NotPs1"));
        Assert.Equal("Failed", run.Result);
    }
}
