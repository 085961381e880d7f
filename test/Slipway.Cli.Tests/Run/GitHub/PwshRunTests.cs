using System.Text.Json;
using Slipway.Tests;

namespace Slipway.Cli.Tests.Run.GitHub;

/// <summary>
/// <c>shell: pwsh</c> run by the real PowerShell 7 that test.sh provisions (GHA-STEP-4, W13; actions/runner
/// <c>ScriptHandlerHelpers</c>): <c>pwsh -command ". '{0}'"</c> on a <c>.ps1</c> that starts with
/// <c>$ErrorActionPreference = 'stop'</c> and ends with the <c>$LASTEXITCODE</c> exit; <c>defaults.run.shell</c>;
/// and <c>shell: powershell</c>, which only exists on Windows.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PwshRunTests
{
    private const string Secret = "gh-pwsh-secret-4242";

    [Fact]
    public async Task STEP_4_ShellPwsh_DefaultsRunShell_StopPreference_LastExitCode_OutputsAndMasking()
    {
        var pwsh = ProvisionedTools.Require("pwsh");
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            defaults:
              run:
                shell: pwsh
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - id: first
                    run: |
                      Write-Host "edition=$($PSVersionTable.PSEdition) eap=$ErrorActionPreference"
                      "greeting=hi from pwsh" >> $env:GITHUB_OUTPUT
                  - run: Write-Host "got=${{ steps.first.outputs.greeting }} token=$env:TOKEN"
                    env:
                      TOKEN: ${{ secrets.TOKEN }}
                  - id: stop
                    continue-on-error: true
                    run: |
                      Write-Error 'boom'
                      Write-Host 'not reached'
                  - id: exit
                    continue-on-error: true
                    run: bash -c 'exit 3'
                  - id: winps
                    continue-on-error: true
                    shell: powershell
                    run: Write-Host 'windows only'
                  - run: echo "bash after=${{ steps.stop.outcome }}/${{ steps.exit.outcome }}/${{ steps.winps.outcome }}"
                    shell: bash
            """);
        var run = await h.RunAsync("--secret", "TOKEN=" + Secret);

        var lines = run.Lines("build");
        Assert.Equal(0, run.Code);
        Assert.Equal(4, lines.Count(l => l == $"shell: {pwsh} -command \". '{{0}}'\""));
        Assert.Contains("edition=Core eap=Stop", lines);
        Assert.Contains("got=hi from pwsh token=***", lines);
        Assert.DoesNotContain("not reached", lines);
        // The appended 'exit $LASTEXITCODE' fails the step; 'pwsh -command' reports a script's non-zero exit
        // as 1 (PowerShell docs, about_Pwsh -Command; PowerShell/PowerShell#13501).
        Assert.Contains("##[error]Process completed with exit code 1.", lines);
        Assert.Contains(run.Issues(), i => i.GetProperty("message").GetString()!.StartsWith("powershell: command not found.", StringComparison.Ordinal));
        Assert.Contains("bash after=failure/failure/failure", lines);
        Assert.DoesNotContain(Secret, run.Out + run.Err + run.AllLogs() + JsonSerializer.Serialize(run.Json), StringComparison.Ordinal);
    }
}
