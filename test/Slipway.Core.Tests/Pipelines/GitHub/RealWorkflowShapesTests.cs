using Slipway.Core.Pipelines.GitHub;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;

namespace Slipway.Core.Tests.Pipelines.GitHub;

/// <summary>
/// Workflows in the shapes of well-known projects (.NET runtime, PowerShell, tokio, numpy,
/// OpenTelemetry) read without errors, and the facts written in them come out of the reader.
/// </summary>
public sealed class RealWorkflowShapesTests
{
    private static readonly string Workflows = Path.Combine(AppContext.BaseDirectory, "Pipelines", "GitHub", "Fixtures", ".github", "workflows");

    private static Workflow Read(string name)
    {
        var result = WorkflowReader.Read(Path.Combine(Workflows, name), ".github/workflows/" + name);
        Assert.Empty(result.Diagnostics);
        return result.Workflow!;
    }

    private static T Job<T>(Workflow workflow, string id)
        where T : WorkflowJob => Assert.IsType<T>(workflow.Jobs.Single(j => j.Id.Value == id));

    [Theory]
    [InlineData("runtime-ci.yml")]
    [InlineData("powershell-ci.yml")]
    [InlineData("powershell-build.yml")]
    [InlineData("tokio-ci.yml")]
    [InlineData("numpy-linux.yml")]
    [InlineData("otel-build.yml")]
    public void GHA_WF_1_RealWorkflowShapes_ReadWithoutErrors(string name) => Assert.NotNull(Read(name));

    [Fact]
    public void GHA_WF_3_RuntimeCi_PathAndBranchFilters()
    {
        var events = Read("runtime-ci.yml").Events;
        Assert.Equal(["main", "release/**"], events["push"]!.Filters["branches"]);
        Assert.Equal(["docs/**", "**.md"], events["pull_request"]!.Filters["paths-ignore"]);
        var configuration = events["workflow_dispatch"]!.Inputs.Single(i => i.Name == "configuration");
        Assert.Equal("choice", configuration.Type);
        Assert.Equal(["Debug", "Release"], configuration.Options);
        Assert.Equal("Release", configuration.Default);
    }

    [Fact]
    public void GHA_JOB_3_RuntimeCi_ConditionsAreWrappedUnlessTheyCallAStatusFunction()
    {
        var build = Job<Job>(Read("runtime-ci.yml"), "build");
        Assert.Equal("success() && (needs.setup.outputs.run-libraries == 'true')", build.If.Expression);
        Assert.Equal(["setup"], build.Needs.Select(n => n.Value));
        Assert.Equal("success() && (inputs.run-tests != false)", build.Steps[4].If!.Expression);
        Assert.Equal("always()", build.Steps[5].If!.Expression);
    }

    [Fact]
    public void GHA_STEP_1_RuntimeCi_GeneratedStepIds()
    {
        var workflow = Read("runtime-ci.yml");
        Assert.Equal(["__actions_checkout", "sdk", "changes"], Job<Job>(workflow, "setup").Steps.Select(s => s.Id));
        Assert.Equal(
            ["__actions_checkout", "__actions_setup-dotnet", "__run", "__run_2", "__run_3", "__actions_upload-artifact"],
            Job<Job>(workflow, "build").Steps.Select(s => s.Id));
    }

    [Fact]
    public void GHA_JOB_5_RuntimeCi_MatrixKeepsIncludeAndExclude()
    {
        var strategy = Assert.IsType<MappingToken>(Job<Job>(Read("runtime-ci.yml"), "build").Strategy);
        var matrix = Assert.IsType<MappingToken>(strategy.Find("matrix"));
        Assert.Equal(3, Assert.IsType<SequenceToken>(matrix.Find("os")).Items.Count);
        Assert.Single(Assert.IsType<SequenceToken>(matrix.Find("exclude")).Items);
        Assert.Single(Assert.IsType<SequenceToken>(matrix.Find("include")).Items);
        Assert.False(Assert.IsType<BooleanToken>(strategy.Find("fail-fast")).Value);
    }

    [Fact]
    public void GHA_REUSE_1_PowerShell_LocalReusableWorkflowIsLoaded()
    {
        var workflow = Read("powershell-ci.yml");
        var linux = Job<ReusableWorkflowJob>(workflow, "linux");
        Assert.True(linux.InheritSecrets);
        Assert.Equal("build", Assert.Single(linux.Jobs).Id.Value);
        Assert.NotNull(linux.InputDefinitions?.Find("runner_os"));
        Assert.Equal("ubuntu-latest", ((StringToken)linux.InputValues!.Find("runner_os")!).Value);

        var windows = Job<ReusableWorkflowJob>(workflow, "windows");
        Assert.False(windows.InheritSecrets);
        Assert.IsType<BasicExpressionToken>(windows.SecretValues!.Find("signing-key"));

        var analyze = Job<ReusableWorkflowJob>(workflow, "analyze");
        Assert.Empty(analyze.Jobs);
        Assert.Equal("write", analyze.Permissions!.Level("security-events"));
        Assert.Equal("always()", Job<Job>(workflow, "ready-to-merge").If.Expression);
    }

    [Fact]
    public void GHA_WF_7_Tokio_ScheduleAndGatheringJob()
    {
        var workflow = Read("tokio-ci.yml");
        Assert.Equal(["0 2 * * *"], workflow.Events["schedule"]!.Crons);
        var pass = Job<Job>(workflow, "ci-pass");
        Assert.Equal(["fmt", "test", "minrust"], pass.Needs.Select(n => n.Value));
        Assert.Equal("all systems go", ((StringToken)pass.Name).Value);
        var test = Job<Job>(workflow, "test");
        Assert.Equal("matrix.rust == 'nightly'", Assert.IsType<BasicExpressionToken>(test.ContinueOnError).Expression);
        Assert.Equal(60, Assert.IsType<NumberToken>(test.TimeoutMinutes).Value);
    }

    [Fact]
    public void GHA_JOB_10_Numpy_ContainerAndIncludeOnlyMatrix()
    {
        var workflow = Read("numpy-linux.yml");
        Assert.Equal("success() && (github.repository == 'numpy/numpy' && github.event_name != 'push')", Job<Job>(workflow, "lint").If.Expression);
        var container = Assert.IsType<MappingToken>(Job<Job>(workflow, "manylinux").Container);
        Assert.Equal("quay.io/pypa/manylinux2014_x86_64", ((StringToken)container.Find("image")!).Value);
        var matrix = (MappingToken)((MappingToken)Job<Job>(workflow, "smoke_test").Strategy!).Find("matrix")!;
        Assert.Equal(3, ((SequenceToken)matrix.Find("include")!).Items.Count);
    }

    [Fact]
    public void GHA_JOB_11_OpenTelemetry_ServicesEnvironmentAndPermissions()
    {
        var workflow = Read("otel-build.yml");
        var services = Assert.IsType<MappingToken>(Job<Job>(workflow, "build").Services);
        Assert.Equal(["postgres", "redis"], services.Pairs.Select(p => p.Key.ToString()));
        var publish = Job<Job>(workflow, "publish");
        Assert.Equal("write", publish.Permissions!.Level("id-token"));
        Assert.Equal("read", Job<Job>(workflow, "build").Permissions!.Level("contents"));
        Assert.Equal("maven-central", ((StringToken)((MappingToken)publish.Environment!).Find("name")!).Value);
    }
}
