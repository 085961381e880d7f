using Slipway.Core.Runs;
using Slipway.Core.Runtime;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Steps.Scripts;
using Slipway.Core.Runtime.Workspace;
using Slipway.Core.Tests.Pipelines;
using Slipway.Core.Tests.Runtime.Checkout;

namespace Slipway.Core.Tests.Runtime.Scripts;

/// <summary>TC-49 and TC-50 (AZP-STEP-9): the script PowerShell@2 generates (Tasks/PowerShellV2/powershell.ts). 'pwsh' is not needed: the
/// prefix and suffix are checked as text, and the missing-pwsh error as an outcome.</summary>
public sealed class PowerShellScriptTests : IDisposable
{
    // PowerShellV2/powershell.ts: the block appended unless ignoreLASTEXITCODE (the docs abbreviate it to
    // "if ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }").
    private const string Suffix = "if (!(Test-Path -LiteralPath variable:\\LASTEXITCODE)) {\n" +
        "    Write-Host '##vso[task.debug]$LASTEXITCODE is not set.'\n" +
        "} else {\n" +
        "    Write-Host ('##vso[task.debug]$LASTEXITCODE: {0}' -f $LASTEXITCODE)\n" +
        "    exit $LASTEXITCODE\n" +
        "}";
    private readonly string _app = Directory.CreateTempSubdirectory("slipway-pwsh-").FullName;

    public void Dispose() => Directory.Delete(_app, recursive: true);

    private StepContext Context(string steps, IReadOnlyDictionary<string, string>? environment = null)
    {
        var compiled = Azure.Compile("steps:\n- checkout: none\n" + steps, _app);
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        var plan = compiled.Plan!;
        var step = plan.AllJobs.Single().Steps.Single(s => s.Keyword != "checkout");
        var workspace = JobWorkspace.Create(Path.Combine(_app, "work"), Path.Combine(_app, "tools"), _app);
        var options = new RunOptions { RepositoryRoot = _app };
        return StepContextFakes.Create(new StepContextFakes(), plan, step, workspace, new RepositoryInfo { Name = "app" }, options, environment ?? new Dictionary<string, string>());
    }

    /// <summary>The generated script without its byte order mark.</summary>
    private string Body(string steps)
    {
        var contents = PowerShellScript.Generate(Context(steps)).Contents!;
        Assert.StartsWith("\uFEFF", contents, StringComparison.Ordinal);
        return contents[1..].ReplaceLineEndings("\n");
    }

    private const string WriteError = "- powershell: |\n    Write-Error 'Uh oh, an error occurred'\n    Write-Host 'Trying again...'\n";

    [Fact]
    public void TC_49_PowerShellErrorPreference_DefaultIsStop()
    {
        var body = Body(WriteError);

        Assert.StartsWith("$ErrorActionPreference = 'stop'\n", body, StringComparison.Ordinal);
        Assert.Contains("$ProgressPreference = 'silentlyContinue'\nWrite-Error 'Uh oh, an error occurred'\nWrite-Host 'Trying again...'\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void TC_49_PowerShellErrorPreference_ContinueReplacesTheDefault()
    {
        var body = Body(WriteError + "  errorActionPreference: continue\n");

        Assert.StartsWith("$ErrorActionPreference = 'continue'\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("'stop'", body, StringComparison.Ordinal);
    }

    [Fact]
    public void TC_50_IgnoreLastExitCode_DefaultPropagatesTheExitCode()
    {
        var body = Body("- powershell: git nosuchcommand\n");

        Assert.EndsWith("git nosuchcommand\n" + Suffix, body, StringComparison.Ordinal);
    }

    [Fact]
    public void TC_50_IgnoreLastExitCode_TrueDropsTheSuffix()
    {
        var body = Body("- powershell: git nosuchcommand\n  ignoreLASTEXITCODE: true\n");

        Assert.DoesNotContain("LASTEXITCODE", body, StringComparison.Ordinal);
        Assert.EndsWith("git nosuchcommand", body, StringComparison.Ordinal);
    }

    [Fact]
    public void PowerShell2_EachPreferenceNotDefault_IsALineInTheTasksOrder()
    {
        var body = Body("""
            - task: PowerShell@2
              inputs:
                targetType: inline
                script: Write-Host hi
                errorActionPreference: default
                warningPreference: continue
                informationPreference: Stop
                verbosePreference: default
                debugPreference: silentlyContinue
                progressPreference: default
                ignoreLASTEXITCODE: true

            """);

        Assert.Equal("$WarningPreference = 'continue'\n$InformationPreference = 'Stop'\n$DebugPreference = 'silentlyContinue'\nWrite-Host hi", body);
    }

    [Fact]
    public void PowerShell2_UnknownTargetType_IsTheTasksError()
    {
        var (contents, _, error) = PowerShellScript.Generate(Context("- task: PowerShell@2\n  inputs:\n    targetType: script\n"));

        Assert.Null(contents);
        Assert.Equal("Invalid target type 'script'. The value must be one of: 'filepath' or 'inline'", error);
    }

    [Fact]
    public async Task TC_49_50_WithoutPwsh_TheStepFailsWithAClearError()
    {
        var context = Context("- powershell: Write-Host hi\n", new Dictionary<string, string> { ["PATH"] = Path.Combine(_app, "empty-bin") });
        Directory.CreateDirectory(context.Workspace.SourcesDirectory); // the working directory is checked first, as the task does

        var outcome = await new PowerShellHandler().RunAsync(context, CancellationToken.None);

        Assert.Equal(RunResult.Failed, outcome.Result);
        Assert.Contains("'pwsh'", outcome.Message, StringComparison.Ordinal);
    }
}
