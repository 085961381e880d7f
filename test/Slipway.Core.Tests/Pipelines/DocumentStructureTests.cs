using Slipway.Core.Pipelines.Azure;
using Slipway.Core.Planning;
using static Slipway.Core.Pipelines.Azure.AzureDiagnosticCodes;

namespace Slipway.Core.Tests.Pipelines;

public sealed class DocumentStructureTests
{
    [Fact]
    public void AZP_DOC_1_TC01_StepsOnly_IsOneImplicitStageWithOneImplicitJob_AndAnImplicitCheckout()
    {
        var plan = Azure.Valid("steps:\n- script: echo hi\n");
        var stage = Assert.Single(plan.Stages);
        Assert.True(stage.IsImplicit);
        var job = Assert.Single(stage.Jobs);
        Assert.True(job.IsImplicit);
        Assert.Collection(job.Steps,
            s => Assert.Equal(("checkout", "self", true), (s.Keyword, s.Input("repository"), s.IsImplicit)),
            s => Assert.Equal(("CmdLine@2", "echo hi"), (s.Task.ToString(), s.Input("script"))));
    }

    [Fact]
    public void AZP_DOC_3_ImplicitNames_AreDefaultAndJob()
    {
        var plan = Azure.Valid("steps:\n- script: echo hi\n");
        Assert.Equal("__default", plan.Stages[0].Name);
        Assert.Equal("Job", plan.Stages[0].Jobs[0].Name);
    }

    [Fact]
    public void AZP_DOC_1_JobsOnly_IsOneImplicitStage()
    {
        var plan = Azure.Valid("jobs:\n- job: A\n  steps:\n  - script: a\n- job: B\n  steps:\n  - script: b\n");
        var stage = Assert.Single(plan.Stages);
        Assert.Equal(AzureDialect.ImplicitStageName, stage.Name);
        Assert.Equal(["A", "B"], stage.Jobs.Select(j => j.Name));
    }

    [Fact]
    public void AZP_DOC_2_StepsShorthand_TakesJobKeysAtTheTop()
    {
        var plan = Azure.Valid("pool:\n  vmImage: ubuntu-latest\ncontainer: node:20\nworkspace:\n  clean: all\nsteps:\n- script: x\n");
        var job = plan.Stages[0].Jobs[0];
        Assert.Equal("ubuntu-latest", job.Pool!.VmImage);
        Assert.Equal("node:20", job.Container!.Spec!.Image);
        Assert.Equal("all", job.WorkspaceClean);
    }

    [Fact]
    public void AZP_DOC_2_JobsShorthand_RejectsStepOnlyKeysAtTheTop()
    {
        Azure.Error("container: node:20\njobs:\n- job: A\n  steps:\n  - script: x\n", UnknownKey, 1, 1);
    }

    [Fact]
    public void AZP_DOC_1_ExactlyOneOfStagesJobsSteps()
    {
        var d = Azure.Error("jobs:\n- job: A\n  steps:\n  - script: x\nsteps:\n- script: y\n", ConflictingKeys, 5, 1);
        Assert.Contains("'steps' cannot be used together with 'jobs'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_DOC_1_NoWork_IsAnError()
    {
        Azure.Error("trigger: none\n", NoWork, 1, 1);
        Azure.Error("", NoWork, 1, 1);
        Azure.Error("- a\n- b\n", RootNotMapping, 1, 1);
    }

    [Fact]
    public void AZP_RUN_1_UnknownKey_IsAnErrorAtTheKey_WithDidYouMean()
    {
        var d = Azure.Error("trigger: none\nstpes:\n- script: x\nsteps:\n- script: y\n", UnknownKey, 2, 1);
        Assert.Equal("p.yml(2,1): error SLW4003: Unexpected key 'stpes' in the pipeline. Did you mean 'steps'?", d.ToString());
    }

    [Fact]
    public void AZP_RUN_1_UnknownJobKey_SuggestsTheRightCase()
    {
        var d = Azure.Error("jobs:\n- job: A\n  Steps:\n  - script: x\n", UnknownKey, 3, 3);
        Assert.Contains("Did you mean 'steps'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_DOC_10_InvalidStageJobAndStepNames()
    {
        Azure.Error("stages:\n- stage: Build-It\n  jobs:\n  - job: A\n    steps:\n    - script: x\n", InvalidName, 2, 3);
        Azure.Error("jobs:\n- job: 1st\n  steps:\n  - script: x\n", InvalidName, 2, 3);
        var d = Azure.Error("steps:\n- script: x\n  name: my-step\n", InvalidName, 2, 3);
        Assert.Contains("may only contain alphanumeric characters and '_' and may not start with a number", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_DOC_10_DuplicateNames_AreErrors()
    {
        Azure.Error("stages:\n- stage: A\n  jobs:\n  - job: J\n    steps:\n    - script: x\n- stage: a\n  jobs:\n  - job: J\n    steps:\n    - script: x\n", DuplicateName, 7, 3);
        Azure.Error("jobs:\n- job: J\n  steps:\n  - script: x\n- job: J\n  steps:\n  - script: y\n", DuplicateName, 5, 3);
        Azure.Error("steps:\n- script: x\n  name: s\n- script: y\n  name: s\n", DuplicateName, 4, 3);
    }

    [Fact]
    public void AZP_DOC_11_TC35_UnnamedJobs_GetGeneratedNamesWithoutConflicts()
    {
        var plan = Azure.Valid("jobs:\n- job:\n  steps:\n  - script: a\n- job: Job1\n  steps:\n  - script: b\n- job:\n  steps:\n  - script: c\n");
        Assert.Equal(["Job", "Job1", "Job2"], plan.Stages[0].Jobs.Select(j => j.Name));
        Assert.True(plan.Stages[0].Jobs[0].IsNameGenerated);
        Assert.False(plan.Stages[0].Jobs[1].IsNameGenerated);
    }

    [Fact]
    public void AZP_DOC_11_UnnamedStages_GetGeneratedNames()
    {
        var plan = Azure.Valid("stages:\n- stage:\n  jobs:\n  - job: A\n    steps:\n    - script: a\n- stage:\n  jobs:\n  - job: A\n    steps:\n    - script: a\n");
        Assert.Equal(["Stage", "Stage1"], plan.Stages.Select(s => s.Name));
        Assert.Equal(["Stage"], plan.Stages[1].DependsOn);
    }

    [Fact]
    public void AZP_DOC_4_RunNameFormat_IsKept_AndAppendCommitMessageDefaultsTrue()
    {
        var plan = Azure.Valid("name: $(Date:yyyyMMdd)$(Rev:.r)\nsteps:\n- script: x\n");
        Assert.Equal("$(Date:yyyyMMdd)$(Rev:.r)", plan.RunNameFormat);
        Assert.True(plan.AppendCommitMessageToRunName);
        Assert.False(Azure.Valid("appendCommitMessageToRunName: false\nsteps:\n- script: x\n").AppendCommitMessageToRunName);
    }

    [Fact]
    public void AZP_TPL_TemplateReferences_AndExtends_MustBeExpandedFirst()
    {
        Azure.Error("steps:\n- template: build.yml\n", TemplateNotExpanded, 2, 3);
        Azure.Error("jobs:\n- template: jobs.yml\n", TemplateNotExpanded, 2, 3);
        Azure.Error("extends:\n  template: base.yml\n", TemplateNotExpanded, 1, 1);
        Azure.Error("variables:\n- template: vars.yml\nsteps:\n- script: x\n", TemplateNotExpanded, 2, 3);
        Azure.Error("steps:\n- script: echo ${{ parameters.x }}\n", TemplateNotExpanded, 2, 11);
    }

    [Fact]
    public void AZP_DOC_1_PhasesSyntax_IsRejectedWithAHint()
    {
        var d = Azure.Error("phases:\n- phase: A\n", InvalidValue, 1, 1);
        Assert.Contains("'jobs'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongValueTypes_AreReportedAtTheValue()
    {
        Azure.Error("steps:\n  script: x\n", WrongType, 2, 3);
        Azure.Error("stages: Build\n", WrongType, 1, 9);
        Azure.Error("jobs:\n- job: A\n  displayName: [a, b]\n  steps:\n  - script: x\n", WrongType, 3, 16);
    }

    [Fact]
    public void Plan_IsSyntaxNeutral_AndKeepsLocations()
    {
        var plan = Azure.Valid("steps:\n- script: x\n  displayName: X\n");
        Assert.Equal(PipelineSyntax.AzurePipelines, plan.Syntax);
        var step = plan.Stages[0].Jobs[0].Steps[1];
        Assert.Equal(("p.yml", 2, 3), (step.Location.File, step.Location.Line, step.Location.Column));
    }
}
