using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Services;

namespace Slipway.Tests.Support;

/// <summary>
/// Plays a scripted run into a sink: nodes created once and shared by their events (as the runtime
/// does), a clock that moves only when told. Shared by the report tests and the rendering tests.
/// </summary>
internal sealed class EventScript(IRunEventSink sink)
{
    private readonly Dictionary<string, int> _order = [];

    public DateTimeOffset Now { get; private set; } = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static Plan Plan(params (string Stage, string[] Jobs)[] stages) => new()
    {
        Syntax = PipelineSyntax.AzurePipelines,
        File = "azure-pipelines.yml",
        Stages = stages.Select(s => new StagePlan
        {
            Name = s.Stage,
            Jobs = s.Jobs.Select(j => new JobPlan { Name = j, Kind = JobKind.Job }).ToList(),
        }).ToList(),
    };

    public void Advance(double seconds) => Now = Now.AddSeconds(seconds);

    public void RunStarted(Plan plan, long runId = 7, string buildNumber = "20260102.1") =>
        sink.OnEvent(new RunStarted(Now, runId, "azure-pipelines.yml", buildNumber, plan, "/tmp/run"));

    public void RunCompleted(RunResult result, double seconds, long runId = 7) =>
        sink.OnEvent(new RunCompleted(Now, runId, result, TimeSpan.FromSeconds(seconds), "20260102.1"));

    public TimelineNode Node(RecordKind kind, string name, TimelineNode? parent, string? displayName = null)
    {
        var key = parent?.Identifier ?? string.Empty;
        var order = _order.GetValueOrDefault(key);
        _order[key] = order + 1;
        return new TimelineNode(kind, name, displayName ?? name, parent) { Order = order, RecordId = _order.Count };
    }

    public TimelineNode Start(RecordKind kind, string name, TimelineNode? parent, string? displayName = null)
    {
        var node = Node(kind, name, parent, displayName);
        sink.OnEvent(new RecordStarted(Now, node) { LogPath = kind == RecordKind.Step ? $"logs/{name}.log" : null });
        return node;
    }

    public void Complete(TimelineNode node, RunResult result, double seconds, int? exitCode = null, string? reason = null) =>
        sink.OnEvent(new RecordCompleted(Now, node, result, TimeSpan.FromSeconds(seconds)) { ExitCode = exitCode, Reason = reason });

    public void Line(TimelineNode node, string text, LogLineKind kind = LogLineKind.Output) =>
        sink.OnLogLine(new LogLine(node, kind, text));

    public void Issue(TimelineNode? node, IssueType type, string message, string? file = null, int? line = null, int? column = null, string? code = null) =>
        sink.OnEvent(new IssueRaised(Now, node, type, message) { File = file, Line = line, Column = column, Code = code });

    public void Output(TimelineNode step, string name, string value, bool secret = false) =>
        sink.OnEvent(new OutputSet(Now, step.Parent!, step.Name, name, value, secret));

    public void Tests(TimelineNode step, string title, int passed, int failed, int skipped, params string[] failedTests) =>
        sink.OnEvent(new TestResultsPublished(Now, step, new TestRunSummary(title, passed + failed + skipped, passed, failed, skipped) { FailedTests = failedTests }));

    public void Coverage(TimelineNode step, string title, int lines, int linesValid, int? branches, int? branchesValid) =>
        sink.OnEvent(new CoveragePublished(Now, step, new CoverageSummary(title, lines, linesValid, branches, branchesValid)));

    public void Info(TimelineNode? node, string what, string value) => sink.OnEvent(new RunInfoChanged(Now, node, what, value));

    /// <summary>A two-stage run: Build/Linux succeeds with an output and a warning, Test/Unit fails with an
    /// error at a file/line, tests and coverage, and Deploy is skipped.</summary>
    public void PlayTypicalRun()
    {
        RunStarted(Plan(("Build", ["Linux"]), ("Test", ["Unit"]), ("Deploy", ["Prod"])));
        var build = Start(RecordKind.Stage, "Build", null);
        var linux = Start(RecordKind.Job, "Linux", build, "Linux x64");
        var compile = Start(RecordKind.Step, "compile", linux, "Compile");
        Line(compile, "Compile", LogLineKind.Section);
        Line(compile, "dotnet build", LogLineKind.Command);
        Line(compile, "Build succeeded.");
        Output(compile, "version", "1.2.3");
        Output(compile, "token", "***", secret: true);
        Issue(compile, IssueType.Warning, "obsolete API", "src/Old.cs", 3, 9, "CS0618");
        Line(compile, "obsolete API", LogLineKind.Warning);
        Advance(2.5);
        Complete(compile, RunResult.SucceededWithIssues, 2.5, exitCode: 0);
        Complete(linux, RunResult.SucceededWithIssues, 2.6);
        Complete(build, RunResult.SucceededWithIssues, 2.7);
        var test = Start(RecordKind.Stage, "Test", null);
        var unit = Start(RecordKind.Job, "Unit", test);
        var run = Start(RecordKind.Step, "run", unit, "Run tests");
        Line(run, "Tests", LogLineKind.Group);
        Line(run, "Failed Calc.Adds");
        Line(run, string.Empty, LogLineKind.EndGroup);
        Tests(run, "Unit tests", 120, 2, 3, "Calc.Adds", "Calc.Divides");
        Coverage(run, "Cobertura", 842, 1000, 70, 100);
        Issue(run, IssueType.Error, "; expected", "src/App.cs", 12, 5, "CS1002");
        Line(run, "Bash exited with code '1'.", LogLineKind.Error);
        Advance(1.5);
        Complete(run, RunResult.Failed, 1.5, exitCode: 1, reason: "Bash exited with code '1'.");
        Complete(unit, RunResult.Failed, 1.6);
        Complete(test, RunResult.Failed, 1.7);
        var deploy = Node(RecordKind.Stage, "Deploy", null);
        var prod = Node(RecordKind.Job, "Prod", deploy);
        Complete(prod, RunResult.Skipped, 0, reason: "dependency Test failed");
        Complete(deploy, RunResult.Skipped, 0, reason: "dependency Test failed");
        RunCompleted(RunResult.Failed, 4.2);
    }
}
