using Slipway.Core.Expressions;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime;
using Slipway.Core.Runtime.Orchestration;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Tests.Runtime;

public sealed class OrchestrationUnitTests
{
    [Theory]
    [InlineData(new[] { RunResult.Succeeded, RunResult.SucceededWithIssues }, RunResult.SucceededWithIssues)]
    [InlineData(new[] { RunResult.SucceededWithIssues, RunResult.Failed, RunResult.Succeeded }, RunResult.Failed)]
    [InlineData(new[] { RunResult.Failed, RunResult.Canceled }, RunResult.Canceled)]
    [InlineData(new[] { RunResult.Skipped, RunResult.Succeeded }, RunResult.Succeeded)]
    [InlineData(new[] { RunResult.Skipped, RunResult.Skipped }, RunResult.Skipped)]
    public void AZP_DEP_4_ParentResult_IsWorstOfChildren_SkippedOnlyWhenAllSkipped(RunResult[] children, RunResult expected) =>
        Assert.Equal(expected, RunResults.Combine(children));

    [Fact]
    public void AZP_DEP_3_Succeeded_WithoutNames_LooksAtTransitiveDependencies()
    {
        var direct = new Dictionary<string, RunResult> { ["B"] = RunResult.Succeeded };
        var transitive = new Dictionary<string, RunResult> { ["B"] = RunResult.Succeeded, ["A"] = RunResult.Failed };
        var host = new DependencyStatusHost(direct, transitive, runCanceled: false, new Counters(null));
        Assert.False(host.EvaluateStatus(StatusFunction.Succeeded, []));
        Assert.True(host.EvaluateStatus(StatusFunction.Succeeded, ["B"]));
        Assert.True(host.EvaluateStatus(StatusFunction.Failed, []));
        Assert.True(host.EvaluateStatus(StatusFunction.SucceededOrFailed, []));
    }

    [Fact]
    public void AZP_COND_3_AfterCancel_OnlyAlwaysAndCanceledAreTrue()
    {
        var results = new Dictionary<string, RunResult> { ["A"] = RunResult.Succeeded };
        var host = new DependencyStatusHost(results, results, runCanceled: true, new Counters(null));
        Assert.False(host.EvaluateStatus(StatusFunction.Succeeded, []));
        Assert.False(host.EvaluateStatus(StatusFunction.SucceededOrFailed, []));
        Assert.True(host.EvaluateStatus(StatusFunction.Always, []));
        Assert.True(host.EvaluateStatus(StatusFunction.Canceled, []));
    }

    [Fact]
    public void AZP_EXPR_35_Counter_SeedThenIncrementsPerPrefix_Persisted()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("slipway-counter-").FullName, "c.json");
        var counters = new Counters(file);
        Assert.Equal(100, counters.Next("1", 100));
        Assert.Equal(101, counters.Next("1", 100));
        Assert.Equal(0, counters.Next("2", 0));
        Assert.Equal(102, new Counters(file).Next("1", 100));
    }

    [Fact]
    public void BuildNumber_DefaultFormat_DateAndRevision()
    {
        var now = new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal("20260307.42", BuildNumber.Format(null, 42, now, _ => null));
        Assert.Equal("v1-42-2026", BuildNumber.Format("v$(major)-$(Rev:r)-$(Year:yyyy)", 42, now, n => n == "major" ? "1" : null));
    }

    [Fact]
    public void Registry_KeywordFirst_TaskNameCaseInsensitive_MajorFromVersion_ThenResolvers()
    {
        var script = new NamedHandler();
        var checkout = new NamedHandler();
        var resolved = new NamedHandler();
        var registry = new StepHandlerRegistry()
            .AddTask("CmdLine", 2, script)
            .AddKeyword("checkout", checkout)
            .AddResolver(t => t.Name == "Custom" ? resolved : null);
        Assert.Same(script, registry.Find(Step("cmdline", "2.1.0", "task")));
        Assert.Same(checkout, registry.Find(Step("Checkout", "1", "checkout")));
        Assert.Same(resolved, registry.Find(Step("Custom", "0", "task")));
        Assert.Null(registry.Find(Step("CmdLine", "3", "task")));
    }

    [Fact]
    public void AZP_TASK_3_Inputs_CaseInsensitive_AliasesResolved_DefaultsFromHandler()
    {
        var definition = Slipway.Core.Pipelines.Azure.Schema.TaskCatalog.BuiltIn.Find("PublishPipelineArtifact", 1, out _);
        var inputs = new StepInputs([KeyValuePair.Create("path", "out/"), KeyValuePair.Create("ARTIFACT", "drop")], definition);
        Assert.Equal("out/", inputs.Get("targetPath"));
        Assert.Equal("drop", inputs.Get("artifactName"));
        Assert.Equal("pipeline", inputs.Get("publishLocation", "pipeline"));
        Assert.True(new StepInputs([KeyValuePair.Create("failOnStderr", "TRUE")]).GetBool("failonstderr", false));
    }

    private static StepPlan Step(string name, string version, string keyword) =>
        new() { Name = "s", Task = new TaskReference(name, version), Keyword = keyword };

    private sealed class NamedHandler : IStepHandler
    {
        public Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken) => Task.FromResult(StepOutcome.Succeeded);
    }
}
