using static Slipway.Core.Pipelines.Azure.AzureDiagnosticCodes;

namespace Slipway.Core.Tests.Pipelines;

public sealed class TaskValidationTests
{
    [Fact]
    public void AZP_TASK_1_KnownTask_IsAccepted()
    {
        var step = Azure.Valid("steps:\n- task: DotNetCoreCLI@2\n  inputs:\n    command: test\n    projects: '**/*Tests.csproj'\n").Stages[0].Jobs[0].Steps[1];
        Assert.Equal(("DotNetCoreCLI", "2", "test"), (step.Task.Name, step.Task.Version, step.Input("command")));
    }

    [Fact]
    public void AZP_TASK_1_UnknownTask_IsAnErrorWithAHint()
    {
        var d = Azure.Error("steps:\n- task: DotNetCoreCL@2\n", UnknownTask, 2, 3);
        Assert.Contains("Did you mean 'DotNetCoreCLI'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_TASK_1_UnknownMajorVersion_ListsTheKnownOnes()
    {
        var d = Azure.Error("steps:\n- task: CmdLine@9\n", UnknownTaskVersion, 2, 3);
        Assert.Contains("CmdLine@2", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_TASK_1_MissingMajorVersion_IsAnError()
    {
        Azure.Error("steps:\n- task: CmdLine\n", TaskVersionMissing, 2, 3);
        Azure.Error("steps:\n- task: CmdLine@latest\n", TaskVersionMissing, 2, 3);
    }

    [Fact]
    public void AZP_TASK_2_MissingRequiredInput_IsAnError()
    {
        var d = Azure.Error("steps:\n- task: Cache@2\n  inputs:\n    key: 'npm | package-lock.json'\n", MissingTaskInput, 2, 3);
        Assert.Contains("'path'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_TASK_2_UnknownInput_IsAWarningAtTheInput_WithAHint()
    {
        var d = Azure.Warning("steps:\n- task: CmdLine@2\n  inputs:\n    scirpt: echo\n", UnknownTaskInput, 4, 5);
        Assert.Contains("Did you mean 'script'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_TASK_2_AliasesAndAnyCase_AreAccepted()
    {
        var result = Azure.Compile("steps:\n- task: downloadpipelineartifact@2\n  inputs:\n    artifact: drop\n    path: $(Pipeline.Workspace)/drop\n- task: Cache@2\n  inputs:\n    KEY: k\n    Path: p\n");
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void DeprecatedTask_IsAWarning()
    {
        Azure.Warning("steps:\n- task: DotNetCoreCLI@0\n", DeprecatedTask, 2, 3);
    }

    [Fact]
    public void AZP_TASK_1_ExtensionTasksByGuidOrFullName_AreNotChecked()
    {
        Assert.Empty(Azure.Compile("steps:\n- task: 6d15af64-176c-496d-b583-fd2ae21d4df4@1\n- task: publisher.extension.MyTask@3\n  inputs:\n    anything: x\n").Diagnostics);
    }

    [Fact]
    public void ShorthandSteps_AreNotCheckedAgainstTheCatalog()
    {
        Assert.Empty(Azure.Compile("steps:\n- script: x\n- bash: y\n- publish: out\n  artifact: drop\n").Diagnostics);
    }
}
