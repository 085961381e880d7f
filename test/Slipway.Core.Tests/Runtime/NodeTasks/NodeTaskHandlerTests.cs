using Slipway.Core.Execution.Output;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.NodeTasks;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Tests.Runtime.Tasks;

namespace Slipway.Core.Tests.Runtime.NodeTasks;

/// <summary>
/// A real task package (test/fixtures/tasks/SlipwayGreetV1) written with the real azure-pipelines-task-lib,
/// run with real node as the agent's NodeHandler runs it (AZP-TASK-1..8).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class NodeTaskHandlerTests : IDisposable
{
    private readonly TaskFixtures _fixtures = new();
    private readonly TaskPackageLocator _locator;

    public NodeTaskHandlerTests()
    {
        _locator = new TaskPackageLocator([_fixtures.Root]);
    }

    public void Dispose() => _fixtures.Dispose();

    private async Task<(StepOutcome Outcome, TaskHarness Harness)> RunGreetAsync(TaskHarness h, params (string, string)[] inputs)
    {
        var package = _locator.Find(new TaskReference("SlipwayGreet", "1"));
        Assert.NotNull(package);
        var outcome = await new NodeTaskHandler(package).RunAsync(h.Context("SlipwayGreet", 1, inputs), CancellationToken.None);
        return (outcome, h);
    }

    private static List<AzureLoggingCommand> Commands(TaskHarness h, string area, string name) =>
        [.. h.Processes.Commands.Where(c => c.Is(area, name))];

    [Fact]
    public async Task AZP_TASK_3_InputsDefaultsAliasesAndFilePathResolution()
    {
        using var h = new TaskHarness();
        Directory.CreateDirectory(Path.Combine(h.Sources, "out"));
        var (outcome, _) = await RunGreetAsync(h, ("message", "hello"), ("loud", "TRUE"), ("reportFile", "out/report.txt"));
        Assert.Equal(RunResult.Succeeded, outcome.Result);
        var log = h.Log.Text;
        Assert.Contains("greeting=HELLO", log, StringComparison.Ordinal);   // alias 'message' → greeting; getBoolInput
        Assert.Contains("label=build-42", log, StringComparison.Ordinal);   // defaultValue with $(Build.BuildId) expanded; '.' → '_'
        Assert.Equal("HELLO", File.ReadAllText(Path.Combine(h.Sources, "out", "report.txt")));
    }

    [Fact]
    public async Task AZP_TASK_5_AZP_TASK_6_SecretsReachTheTaskLibVaultButNotChildProcesses()
    {
        using var h = new TaskHarness();
        h.Variables.Define("MySecret", "s3cr3t-value", isSecret: true);
        h.Variables.Define("Public.Var", "pv");
        var (outcome, _) = await RunGreetAsync(h, ("greeting", "hi"));
        Assert.Equal(RunResult.Succeeded, outcome.Result);
        var log = h.Log.Text;
        Assert.Contains("secret-length=12", log, StringComparison.Ordinal);
        Assert.Contains("secret-in-env=no", log, StringComparison.Ordinal);
        Assert.Contains("tool-saw-secret=no", log, StringComparison.Ordinal);
        Assert.Contains("tool-saw-input=no", log, StringComparison.Ordinal);
        Assert.Contains("public-var=pv", log, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", log, StringComparison.Ordinal);
        var env = h.Processes.Requests.Single().Environment!;
        Assert.Equal("s3cr3t-value", env["SECRET_MYSECRET"]);
        Assert.Contains("\"MySecret\"", env["VSTS_SECRET_VARIABLES"], StringComparison.Ordinal);
        Assert.Contains("\"Public.Var\"", env["VSTS_PUBLIC_VARIABLES"], StringComparison.Ordinal);
        Assert.Equal("hi", env["INPUT_GREETING"]);
        Assert.Contains("endpoint-url=" + env["ENDPOINT_URL_SYSTEMVSSCONNECTION"], log, StringComparison.Ordinal);
        Assert.Contains(env["ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN"], h.Variables.Secrets);
    }

    [Fact]
    public async Task AZP_TASK_7_SetVariableIsOutputAndTaskCompleteReachTheRuntime()
    {
        using var h = new TaskHarness();
        var (outcome, _) = await RunGreetAsync(h, ("greeting", "hey"));
        Assert.Equal(RunResult.Succeeded, outcome.Result);
        var set = Assert.Single(Commands(h, "task", "setvariable"));
        Assert.Equal(("GreetingOut", "hey!", true), (set.Property("variable"), set.Data, set.BooleanProperty("isOutput")));
        var complete = Assert.Single(Commands(h, "task", "complete"));
        Assert.Equal("Succeeded", complete.Property("result"));
        Assert.Contains("tool-exit=0", h.Log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZP_TASK_7_SetResultFailedWithExitZeroIsLeftToTaskComplete()
    {
        using var h = new TaskHarness();
        var (outcome, _) = await RunGreetAsync(h, ("greeting", "hey"), ("failWith", "it broke"));
        Assert.Equal(0, outcome.ExitCode);
        var complete = Commands(h, "task", "complete").Last();
        Assert.Equal(("Failed", "it broke"), (complete.Property("result"), complete.Data));
    }

    [Fact]
    public async Task AZP_TASK_6_GetInputRequiredFailsThroughTheTaskLib()
    {
        using var h = new TaskHarness();
        var (outcome, _) = await RunGreetAsync(h);
        Assert.Equal(0, outcome.ExitCode);
        var complete = Commands(h, "task", "complete").Last();
        Assert.Equal("Failed", complete.Property("result"));
        Assert.Contains("greeting", complete.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZP_TASK_4_Node20_1PreferredOverNode16_AZP_TASK_1_HighestMinorOfTheMajor()
    {
        using var h = new TaskHarness();
        await RunGreetAsync(h, ("greeting", "x"));
        Assert.DoesNotContain("handler=Node16", h.Log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("version=1.0.5", h.Log.Text, StringComparison.Ordinal);
        Assert.Equal(new Version(1, 2, 3), _locator.Find(new TaskReference("slipwaygreet", "1"))!.Version);
    }

    [Fact]
    public void AZP_TASK_1_SelectByGuidOrContributionQualifiedName()
    {
        Assert.Equal("SlipwayGreet", _locator.Find(new TaskReference("6b1bd2e4-54a5-4a47-9c1f-3f6e2a1d9b01", "1"))?.Name);
        Assert.Equal("SlipwayGreet", _locator.Find(new TaskReference("slipway.fixtures.SlipwayGreet", "1"))?.Name);
        Assert.Null(_locator.Find(new TaskReference("SlipwayGreet", "2")));
        Assert.Null(_locator.Find(new TaskReference("NoSuchTask", "1")));
    }

    [Fact]
    public async Task AZP_TASK_4_PackageWithoutNodeHandlerIsAClearFailure()
    {
        using var h = new TaskHarness();
        var package = _locator.Find(new TaskReference("PowerShellOnly", "0"))!;
        var outcome = await new NodeTaskHandler(package).RunAsync(h.Context("PowerShellOnly", 0), CancellationToken.None);
        Assert.Equal(RunResult.Failed, outcome.Result);
        Assert.Contains("PowerShell3", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZP_TASK_7_NonZeroExitFailsTheStep()
    {
        _fixtures.AddPackage(
            "Crash",
            """{ "id": "11111111-2222-3333-4444-555555555555", "name": "Crash", "version": { "Major": 3, "Minor": 0, "Patch": 0 }, "execution": { "Node10": { "target": "crash.js" } } }""",
            "crash.js",
            "process.exit(7);");
        var locator = new TaskPackageLocator([_fixtures.Root]);
        using var h = new TaskHarness();
        var outcome = await new NodeTaskHandler(locator.Find(new TaskReference("Crash", "3"))!).RunAsync(h.Context("Crash", 3), CancellationToken.None);
        Assert.Equal((RunResult.Failed, 7), (outcome.Result, outcome.ExitCode));
    }

    [Fact]
    public void AZP_TASK_1_BrokenTaskJsonIsReportedNotThrown()
    {
        _fixtures.AddPackage("Broken", "{ not json", "x.js", string.Empty);
        var locator = new TaskPackageLocator([_fixtures.Root]);
        Assert.NotNull(locator.Find(new TaskReference("SlipwayGreet", "1")));
        Assert.Contains(locator.Problems, p => p.Contains("Broken", StringComparison.Ordinal));
    }

    [Fact]
    public void AZP_TASK_5_RegistryResolvesPackagesAfterBuiltIns()
    {
        var registry = new StepHandlerRegistry();
        Slipway.Core.Runtime.RuntimeComposition.RegisterBuiltInTasks(registry, _locator);
        var step = new StepPlan { Name = "s", Keyword = "task", Task = new TaskReference("SlipwayGreet", "1") };
        Assert.IsType<NodeTaskHandler>(registry.Find(step));
        Assert.Null(registry.Find(step with { Task = new TaskReference("Unknown", "1") }));
    }
}
