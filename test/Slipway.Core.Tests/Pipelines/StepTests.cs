using Slipway.Core.Planning;
using static Slipway.Core.Pipelines.Azure.AzureDiagnosticCodes;

namespace Slipway.Core.Tests.Pipelines;

public sealed class StepTests
{
    private static StepPlan Only(string step) => Azure.Valid("steps:\n- checkout: none\n" + step).Stages[0].Jobs[0].Steps[1];

    [Theory]
    [InlineData("script", "CmdLine@2")]
    [InlineData("bash", "Bash@3")]
    [InlineData("pwsh", "PowerShell@2")]
    [InlineData("powershell", "PowerShell@2")]
    public void AZP_STEP_Table13_ScriptShorthands_AreTasks(string keyword, string task)
    {
        var step = Only($"- {keyword}: echo hi\n");
        Assert.Equal(task, step.Task.ToString());
        Assert.Equal(keyword, step.Keyword);
        Assert.Equal("echo hi", step.Input("script"));
    }

    [Fact]
    public void AZP_STEP_Table13_BashAndPwsh_AreInlineScripts_PwshUsesPowerShellCore()
    {
        Assert.Equal("inline", Only("- bash: x\n").Input("targetType"));
        Assert.Equal("true", Only("- pwsh: x\n").Input("pwsh"));
        Assert.Null(Only("- powershell: x\n").Input("pwsh"));
    }

    [Fact]
    public void AZP_STEP_1_ScriptPropertiesBecomeInputs()
    {
        var step = Only("- powershell: Write-Error x\n  errorActionPreference: continue\n  ignoreLASTEXITCODE: true\n  failOnStderr: true\n  workingDirectory: src\n");
        Assert.Equal(("continue", "true", "true", "src"), (step.Input("errorActionPreference"), step.Input("ignoreLASTEXITCODE"), step.Input("failOnStderr"), step.Input("workingDirectory")));
    }

    [Fact]
    public void AZP_STEP_1_CommonProperties()
    {
        var step = Only("- script: x\n  name: build\n  displayName: Build it\n  condition: succeededOrFailed()\n  continueOnError: true\n  enabled: false\n  timeoutInMinutes: 5\n  retryCountOnTaskFailure: 3\n  env:\n    MY_SECRET: $(mySecret)\n");
        Assert.Equal(("build", "Build it", "succeededOrFailed()", true, false, 5, 3), (step.Name, step.DisplayName, step.Condition!.Text, step.ContinueOnError, step.Enabled, step.TimeoutInMinutes, step.RetryCountOnTaskFailure));
        Assert.Equal(("MY_SECRET", "$(mySecret)"), (step.Env[0].Name, step.Env[0].Value));
    }

    [Fact]
    public void AZP_COND_6_MacroInACondition_IsAWarning()
    {
        Azure.Warning("steps:\n- script: x\n  condition: eq($(run), 'yes')\n", MacroInCondition, 3, 14);
        Assert.Empty(Azure.Compile("steps:\n- script: x\n  condition: eq(variables['run'], 'yes')\n").Diagnostics);
    }

    [Fact]
    public void AZP_STEP_6_MacrosInTypedStepProperties_AreErrors()
    {
        Azure.Error("steps:\n- script: x\n  enabled: $(runIt)\n", InvalidBoolean, 3, 12);
        Azure.Error("steps:\n- script: x\n  continueOnError: $(flag)\n", InvalidBoolean, 3, 20);
        Azure.Error("steps:\n- script: x\n  retryCountOnTaskFailure: $(n)\n", InvalidInteger, 3, 28);
    }

    [Fact]
    public void AZP_STEP_5_TC55_RetryCountAbove10_IsClampedWithAWarning()
    {
        Azure.Warning("steps:\n- script: exit 1\n  retryCountOnTaskFailure: 20\n", RetryCountClamped, 3, 28);
        Assert.Equal(10, Only("- script: exit 1\n  retryCountOnTaskFailure: 20\n").RetryCountOnTaskFailure);
    }

    [Fact]
    public void AZP_STEP_11_ImplicitCheckout_OnlyWhenThereIsNoCheckoutStep()
    {
        var implicitSteps = Azure.Valid("steps:\n- script: x\n").Stages[0].Jobs[0].Steps;
        Assert.True(implicitSteps[0].IsImplicit);
        var none = Azure.Valid("steps:\n- checkout: none\n- script: x\n").Stages[0].Jobs[0].Steps;
        Assert.Equal(2, none.Count);
        Assert.False(none[0].IsImplicit);
        Assert.Equal("none", none[0].Input("repository"));
    }

    [Fact]
    public void AZP_STEP_11_CheckoutOptions_AndRepositoryAliases()
    {
        var step = Azure.Valid("resources:\n  repositories:\n  - repository: tools\n    type: github\n    name: org/tools\n    endpoint: gh\nsteps:\n- checkout: tools\n  fetchDepth: 0\n  submodules: recursive\n  path: s/tools\n").Stages[0].Jobs[0].Steps[0];
        Assert.Equal(("Checkout@1", "tools", "0", "recursive", "s/tools"), (step.Task.ToString(), step.Input("repository"), step.Input("fetchDepth"), step.Input("submodules"), step.Input("path")));
        Azure.Error("steps:\n- checkout: nope\n", UnknownRepository, 2, 3);
    }

    [Fact]
    public void AZP_DEPL_3_TC48_DownloadTargets()
    {
        Assert.Equal("$(Pipeline.Workspace)/drop", Only("- download: current\n  artifact: drop\n").Input("targetPath"));
        var fromResource = Azure.Valid("resources:\n  pipelines:\n  - pipeline: source-pipeline\n    source: CI\nsteps:\n- download: source-pipeline\n  artifact: drop\n  patterns: '**/*.zip'\n").Stages[0].Jobs[0].Steps[1];
        Assert.Equal(("DownloadPipelineArtifact@2", "$(Pipeline.Workspace)/source-pipeline/drop", "**/*.zip"), (fromResource.Task.ToString(), fromResource.Input("targetPath"), fromResource.Input("itemPattern")));
    }

    [Fact]
    public void AZP_STEP_Table13_ArtifactAndPackageShorthands()
    {
        Assert.Equal(("PublishPipelineArtifact@1", "bin", "drop"), (Only("- publish: bin\n  artifact: drop\n").Task.ToString(), Only("- publish: bin\n  artifact: drop\n").Input("targetPath"), Only("- publish: bin\n  artifact: drop\n").Input("artifactName")));
        Assert.Equal("DownloadBuildArtifacts@1", Only("- downloadBuild: jenkins\n  artifact: a\n").Task.ToString());
        Assert.Equal("DownloadPackage@1", Only("- getPackage: pkg\n  path: out\n").Task.ToString());
    }

    [Fact]
    public void AZP_STEP_13_TC31_TargetForms()
    {
        var res = "resources:\n  containers:\n  - container: node\n    image: node:13.2\ncontainer: python:3.8\nsteps:\n";
        var steps = Azure.Valid(res + "- script: a\n- script: b\n  target: host\n- script: c\n  target:\n    container: node\n    commands: restricted\n    settableVariables: none\n- script: d\n  target:\n    settableVariables: [sauce]\n").Stages[0].Jobs[0].Steps;
        Assert.Null(steps[1].Target);
        Assert.Equal("host", steps[2].Target!.Container);
        Assert.Equal(("node", "restricted", true), (steps[3].Target!.Container, steps[3].Target!.Commands, steps[3].Target!.NoSettableVariables));
        Assert.Equal(["sauce"], steps[4].Target!.SettableVariables!);
        Azure.Error("steps:\n- script: a\n  target: nowhere\n", UnknownContainer, 3, 11);
        Azure.Error("steps:\n- script: a\n  target:\n    commands: some\n", InvalidValue, 4, 15);
    }

    [Fact]
    public void StepNames_AreGeneratedFromTheTaskName_AndKeepGivenNames()
    {
        var steps = Azure.Valid("steps:\n- script: a\n- script: b\n  name: CmdLine1\n- script: c\n- bash: d\n").Stages[0].Jobs[0].Steps;
        Assert.Equal(["Checkout", "CmdLine", "CmdLine1", "CmdLine2", "Bash"], steps.Select(s => s.Name));
        Assert.Equal([true, true, false, true, true], steps.Select(s => s.IsNameGenerated));
    }

    [Fact]
    public void UnknownStepKind_IsAnErrorWithAHint()
    {
        var d = Azure.Error("steps:\n- scrip: echo\n", UnknownStepKind, 2, 3);
        Assert.Contains("Did you mean 'script'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoStepKindsInOneStep_IsAnError()
    {
        Azure.Error("steps:\n- script: a\n  bash: b\n", ConflictingKeys, 3, 3);
    }

    [Fact]
    public void KeysOfAnotherStepKind_AreUnknown()
    {
        var d = Azure.Error("steps:\n- bash: a\n  errorActionPreference: stop\n", UnknownKey, 3, 3);
        Assert.Contains("a 'bash' step", d.Message, StringComparison.Ordinal);
    }
}
