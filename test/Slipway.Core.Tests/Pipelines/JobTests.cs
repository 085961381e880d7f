using Slipway.Core.Planning;
using static Slipway.Core.Pipelines.Azure.AzureDiagnosticCodes;

namespace Slipway.Core.Tests.Pipelines;

public sealed class JobTests
{
    private static string Stage(string name, string extra = "") =>
        $"- stage: {name}\n{extra}  jobs:\n  - job: J\n    steps:\n    - script: x\n";

    [Fact]
    public void AZP_DEP_1_StagesDependOnThePreviousStageByDefault()
    {
        var plan = Azure.Valid("stages:\n" + Stage("A") + Stage("B") + Stage("C"));
        Assert.Equal([[], ["A"], ["B"]], plan.Stages.Select(s => s.DependsOn.ToArray()));
        Assert.All(plan.Stages, s => Assert.False(s.DependsOnIsExplicit));
    }

    [Fact]
    public void AZP_DEP_1_TC58_EmptyDependsOnRemovesTheDefault_AndTheNextStageWaitsForThePreviousOnly()
    {
        var plan = Azure.Valid("stages:\n" + Stage("FunctionalTest") + Stage("AcceptanceTest", "  dependsOn: []\n") + Stage("Third"));
        Assert.Empty(plan.Stages[1].DependsOn);
        Assert.True(plan.Stages[1].DependsOnIsExplicit);
        Assert.Equal(["AcceptanceTest"], plan.Stages[2].DependsOn);
    }

    [Fact]
    public void AZP_DEP_1_DependsOnAcceptsAStringOrAList()
    {
        var plan = Azure.Valid("stages:\n" + Stage("A") + Stage("B", "  dependsOn: []\n") + Stage("C", "  dependsOn:\n  - A\n  - B\n") + Stage("D", "  dependsOn: A\n"));
        Assert.Equal(["A", "B"], plan.Stages[2].DependsOn);
        Assert.Equal(["A"], plan.Stages[3].DependsOn);
    }

    [Fact]
    public void AZP_DEP_2_JobsHaveNoDependenciesByDefault()
    {
        var plan = Azure.Valid("jobs:\n- job: A\n  steps:\n  - script: a\n- job: B\n  steps:\n  - script: b\n- job: C\n  dependsOn: [A, B]\n  steps:\n  - script: c\n");
        Assert.Equal([[], [], ["A", "B"]], plan.Stages[0].Jobs.Select(j => j.DependsOn.ToArray()));
    }

    [Fact]
    public void AZP_DEP_1_DependsOnAMissingStage_IsAnErrorWithAHint()
    {
        var d = Azure.Error("stages:\n" + Stage("Build") + Stage("Test", "  dependsOn: Biuld\n"), DependsOnMissing, 8, 14);
        Assert.Contains("Did you mean 'Build'?", d.Message, StringComparison.Ordinal);
        Azure.Error("jobs:\n- job: A\n  dependsOn: Nope\n  steps:\n  - script: a\n", DependsOnMissing, 3, 14);
    }

    [Fact]
    public void AZP_DEP_1_Cycles_AreErrorsThatNameTheCycle()
    {
        var d = Azure.Error("stages:\n" + Stage("A", "  dependsOn: C\n") + Stage("B", "  dependsOn: A\n") + Stage("C", "  dependsOn: B\n"), DependencyCycle, 3, 14);
        Assert.Contains("A -> C -> B -> A", d.Message, StringComparison.Ordinal);
        var self = Azure.Error("jobs:\n- job: A\n  dependsOn: A\n  steps:\n  - script: a\n", DependencyCycle, 3, 14);
        Assert.Contains("depends on itself", self.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_DEP_1_MissingDependencyInAList_PointsAtThatItem()
    {
        Azure.Error("stages:\n" + Stage("A") + Stage("B", "  dependsOn:\n  - A\n  - Nope\n"), DependsOnMissing, 10, 5);
    }

    [Fact]
    public void AZP_DEP_5_TC32_MatrixAndMaxParallel()
    {
        var job = Azure.Valid("jobs:\n- job: Build\n  strategy:\n    maxParallel: 2\n    matrix:\n      Python35:\n        PYTHON_VERSION: '3.5'\n      Python36:\n        PYTHON_VERSION: '3.6'\n      Python37:\n        PYTHON_VERSION: '3.7'\n  steps:\n  - script: x\n").Stages[0].Jobs[0];
        Assert.Equal(2, job.Strategy!.MaxParallel);
        Assert.Equal(["Python35", "Python36", "Python37"], job.Strategy.Matrix.Select(l => l.Name));
        Assert.Equal(("PYTHON_VERSION", "3.6"), (job.Strategy.Matrix[1].Variables[0].Name, job.Strategy.Matrix[1].Variables[0].Value));
    }

    [Fact]
    public void AZP_DEP_6_TC33_Parallel()
    {
        var job = Azure.Valid("jobs:\n- job: A\n  strategy:\n    parallel: 4\n  steps:\n  - script: x\n").Stages[0].Jobs[0];
        Assert.Equal(4, job.Strategy!.Parallel);
        Azure.Error("jobs:\n- job: A\n  strategy:\n    parallel: 0\n  steps:\n  - script: x\n", InvalidInteger, 4, 15);
        Azure.Error("jobs:\n- job: A\n  strategy:\n    parallel: 2\n    matrix:\n      a:\n        x: 1\n  steps:\n  - script: x\n", ConflictingKeys, 5, 5);
    }

    [Fact]
    public void AZP_DEP_7_RuntimeMatrix_IsKeptAsExpressionText()
    {
        var job = Azure.Valid("jobs:\n- job: B\n  strategy:\n    matrix: $[ dependencies.gen.outputs['mtrx.legs'] ]\n  steps:\n  - script: x\n").Stages[0].Jobs[0];
        Assert.Equal("dependencies.gen.outputs['mtrx.legs']", job.Strategy!.MatrixExpression!.Text);
    }

    [Theory]
    [InlineData("1leg")]
    [InlineData("my-leg")]
    [InlineData("_leg")]
    public void AZP_DOC_12_InvalidMatrixLegNames(string leg)
    {
        Azure.Error($"jobs:\n- job: A\n  strategy:\n    matrix:\n      {leg}:\n        x: 1\n  steps:\n  - script: x\n", InvalidMatrixLegName, 5, 7);
    }

    [Fact]
    public void AZP_DOC_12_MatrixLegNameLongerThan100_IsInvalid()
    {
        Azure.Error($"jobs:\n- job: A\n  strategy:\n    matrix:\n      a{new string('b', 100)}:\n        x: 1\n  steps:\n  - script: x\n", InvalidMatrixLegName, 5, 7);
    }

    [Fact]
    public void AZP_JOB_2_TypedProperties()
    {
        var job = Azure.Valid("jobs:\n- job: A\n  timeoutInMinutes: 0\n  cancelTimeoutInMinutes: 2\n  continueOnError: true\n  condition: succeeded()\n  steps:\n  - script: x\n").Stages[0].Jobs[0];
        Assert.Equal((0, 2, "true", "succeeded()"), (job.TimeoutInMinutes, job.CancelTimeoutInMinutes, job.ContinueOnError, job.Condition!.Text));
        Azure.Error("jobs:\n- job: A\n  cancelTimeoutInMinutes: 0\n  steps:\n  - script: x\n", InvalidInteger, 3, 27);
        Azure.Error("jobs:\n- job: A\n  continueOnError: maybe\n  steps:\n  - script: x\n", InvalidBoolean, 3, 20);
    }

    [Fact]
    public void AZP_QRK_13_MacroInATypedProperty_IsACompileError_WithAHint()
    {
        var d = Azure.Error("jobs:\n- job: A\n  timeoutInMinutes: $(timeout)\n  steps:\n  - script: x\n", InvalidInteger, 3, 21);
        Assert.Contains("${{ }}", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_JOB_4_PoolForms()
    {
        var plan = Azure.Valid("pool: Default\nstages:\n- stage: S\n  pool:\n    vmImage: ubuntu-latest\n  jobs:\n  - job: A\n    pool:\n      name: Self\n      demands:\n      - myCapability\n      - Agent.Version -equals 2.144.0\n    steps:\n    - script: x\n  - job: B\n    pool: server\n    steps:\n    - task: Delay@1\n      inputs:\n        delayForMinutes: '1'\n");
        Assert.Equal("Default", plan.Pool!.Name);
        Assert.Equal("ubuntu-latest", plan.Stages[0].Pool!.VmImage);
        Assert.Equal(["myCapability", "Agent.Version -equals 2.144.0"], plan.Stages[0].Jobs[0].Pool!.Demands);
        Assert.True(plan.Stages[0].Jobs[1].Pool!.IsServer);
        Assert.DoesNotContain(plan.Stages[0].Jobs[1].Steps, s => s.Keyword == "checkout"); // agentless jobs have no checkout
    }

    [Fact]
    public void AZP_JOB_4_TheLowestLevelPoolWins()
    {
        var plan = Azure.Valid("pool: P\nstages:\n- stage: S\n  pool: Q\n  jobs:\n  - job: A\n    pool: R\n    steps:\n    - script: x\n  - job: B\n    steps:\n    - script: x\n- stage: T\n  jobs:\n  - job: C\n    steps:\n    - script: x\n");
        Assert.Equal(["R", "Q", "P"], plan.Stages.SelectMany(s => s.Jobs.Select(j => plan.EffectivePool(s, j)!.Name)));
    }

    [Fact]
    public void AZP_VAR_11_TC12_AJobSeesPipelineThenStageThenJobVariables()
    {
        var plan = Azure.Valid("variables:\n  a: pipeline yaml\nstages:\n- stage: S\n  variables:\n    a: stage yaml\n  jobs:\n  - job: J\n    variables:\n      a: job yaml\n    steps:\n    - bash: echo $(a)\n");
        var stage = plan.Stages[0];
        Assert.Equal("job yaml", plan.VariablesFor(stage, stage.Jobs[0]).OfType<VariableDefinition>().Last(v => v.Name == "a").Value);
    }

    [Fact]
    public void AZP_JOB_5_ContainerResourceAliases_AndServices()
    {
        var plan = Azure.Valid("resources:\n  containers:\n  - container: py\n    image: python:3.8\n    options: --cpus 1\n  - container: pg\n    image: postgres:16\n    ports: ['5432:5432']\njobs:\n- job: A\n  container: py\n  services:\n    db: pg\n    cache: redis:7\n  steps:\n  - script: x\n");
        var job = plan.Stages[0].Jobs[0];
        Assert.Equal(("py", "python:3.8", "--cpus 1"), (job.Container!.Alias, job.Container.Spec!.Image, job.Container.Spec.Options));
        Assert.Equal(("db", "pg", "postgres:16"), (job.Services[0].Alias, job.Services[0].Container.Alias, job.Services[0].Container.Spec!.Image));
        Assert.Equal(("cache", null, "redis:7"), (job.Services[1].Alias, job.Services[1].Container.Alias, job.Services[1].Container.Spec!.Image));
    }

    [Fact]
    public void AZP_JOB_5_InlineContainerNeedsAnImage_AndAliasMustExist()
    {
        Azure.Error("jobs:\n- job: A\n  container:\n    options: x\n  steps:\n  - script: x\n", MissingKey, 4, 5);
        Azure.Error("jobs:\n- job: A\n  container:\n    alias: nope\n  steps:\n  - script: x\n", UnknownContainer, 4, 12);
    }

    [Fact]
    public void AZP_JOB_6_WorkspaceClean_AcceptsOutputsResourcesAll()
    {
        Assert.Equal("resources", Azure.Valid("jobs:\n- job: A\n  workspace:\n    clean: resources\n  steps:\n  - script: x\n").Stages[0].Jobs[0].WorkspaceClean);
        Azure.Error("jobs:\n- job: A\n  workspace:\n    clean: everything\n  steps:\n  - script: x\n", InvalidValue, 4, 12);
    }

    [Fact]
    public void AZP_JOB_8_StageProperties()
    {
        var stage = Azure.Valid("stages:\n- stage: S\n  displayName: The stage\n  lockBehavior: sequential\n  trigger: manual\n  isSkippable: false\n  condition: always()\n  jobs:\n  - job: J\n    steps:\n    - script: x\n").Stages[0];
        Assert.Equal(("The stage", "sequential", true, false, "always()"), (stage.DisplayName, stage.LockBehavior, stage.IsManual, stage.IsSkippable, stage.Condition!.Text));
        Azure.Error("stages:\n- stage: S\n  lockBehavior: latest\n  jobs:\n  - job: J\n    steps:\n    - script: x\n", InvalidValue, 3, 17);
        Azure.Error("stages:\n- stage: S\n  trigger: later\n  jobs:\n  - job: J\n    steps:\n    - script: x\n", InvalidValue, 3, 12);
    }

    [Fact]
    public void StageWithoutJobs_AndJobWithoutSteps_AreErrors()
    {
        Azure.Error("stages:\n- stage: S\n", MissingKey, 2, 3);
        Azure.Error("stages:\n- stage: S\n  jobs: []\n", EmptyList, 3, 9);
        Azure.Error("jobs:\n- job: A\n", MissingKey, 2, 3);
        Azure.Error("jobs:\n- displayName: A\n  steps: []\n", MissingKey, 2, 3);
    }

    [Fact]
    public void AZP_JOB_2_UsesAndTemplateContext_AreKept()
    {
        var job = Azure.Valid("jobs:\n- job: A\n  uses:\n    repositories: [tools]\n    pools: [Default]\n  templateContext:\n    anything: goes\n  steps:\n  - script: x\n").Stages[0].Jobs[0];
        Assert.Equal(["tools"], job.UsesRepositories);
        Assert.Equal(["Default"], job.UsesPools);
        Assert.NotNull(job.TemplateContext);
    }

    [Fact]
    public void JobKind_IsJobForRegularJobs()
    {
        Assert.Equal(JobKind.Job, Azure.Valid("jobs:\n- job: A\n  steps:\n  - script: x\n").Stages[0].Jobs[0].Kind);
    }
}
