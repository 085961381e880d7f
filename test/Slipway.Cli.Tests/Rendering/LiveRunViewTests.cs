using Slipway.Cli.Rendering;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Tests.Support;
using Spectre.Console.Testing;

namespace Slipway.Cli.Tests.Rendering;

public class LiveRunViewTests
{
    private static string Draw(LiveRunModel model, DateTimeOffset now, int width = 100, int height = 60)
    {
        var console = new TestConsole().Width(width).Height(height);
        console.Write(new LiveRunRenderer(model, new StatusGlyphs(unicode: true)).Render(now, width, height));
        return console.Output;
    }

    private static (LiveRunModel Model, EventScript Script, TimelineNode Stage) Started(params string[] jobs)
    {
        var model = new LiveRunModel();
        var script = new EventScript(new ModelSink(model));
        script.RunStarted(EventScript.Plan(("Build", jobs), ("Deploy", ["Prod"])));
        return (model, script, script.Start(RecordKind.Stage, "Build", null));
    }

    [Fact]
    public void Live_ShowsStagesAndJobs_PendingFromThePlan_BeforeTheyStart()
    {
        var (model, script, _) = Started("Linux", "Windows");

        var output = Draw(model, script.Now);

        Assert.StartsWith("Run 7 · azure-pipelines.yml · 0.0s", output, StringComparison.Ordinal);
        Assert.Contains("○ Deploy", output, StringComparison.Ordinal);
        Assert.Contains("○ Linux", output, StringComparison.Ordinal);
        Assert.Contains("○ Windows", output, StringComparison.Ordinal);
        Assert.Contains("○ Prod", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_RunningJob_ShowsSpinnerElapsedTimeRunningStepAndLastLines()
    {
        var (model, script, stage) = Started("Linux");
        var job = script.Start(RecordKind.Job, "Linux", stage);
        var step = script.Start(RecordKind.Step, "test", job, "Run the tests");
        for (var i = 1; i <= 10; i++)
        {
            script.Line(step, $"output line {i}");
        }

        var output = Draw(model, script.Now.AddSeconds(12.34));

        var jobLine = output.Split('\n').Single(l => l.Contains("Linux", StringComparison.Ordinal));
        Assert.Contains("12.3s", jobLine, StringComparison.Ordinal);
        Assert.Contains("Run the tests", jobLine, StringComparison.Ordinal);
        Assert.DoesNotContain("○", jobLine, StringComparison.Ordinal);
        Assert.Contains("│ output line 8", output, StringComparison.Ordinal);
        Assert.Contains("│ output line 10", output, StringComparison.Ordinal);
        Assert.DoesNotContain("output line 7", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_CompletedRecords_ShowResultIconDurationAndWhyNotSucceeded()
    {
        var model = new LiveRunModel();
        new EventScript(new ModelSink(model)).PlayTypicalRun();

        var lines = Draw(model, DateTimeOffset.UnixEpoch).Split('\n');

        Assert.Contains(lines, l => l.Contains("▲ Build", StringComparison.Ordinal) && l.Contains("2.7s", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("✘ Unit", StringComparison.Ordinal) && l.Contains("1.6s", StringComparison.Ordinal) && l.Contains("Failed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Unit", StringComparison.Ordinal) && l.Contains("(1 errors, 0 warnings)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Linux x64", StringComparison.Ordinal) && l.Contains("(0 errors, 1 warnings)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("↷ Deploy", StringComparison.Ordinal) && l.Contains("Skipped: dependency Test failed", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains('│', StringComparison.Ordinal));
    }

    [Fact]
    public void Live_MatrixLegs_TakeThePlaceOfTheirPlanJob()
    {
        var (model, script, stage) = Started("Test", "Lint");
        script.Start(RecordKind.Job, "Test.linux", stage, "Test linux");
        script.Start(RecordKind.Job, "Test.mac", stage, "Test mac");

        var lines = Draw(model, script.Now).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        var linux = lines.FindIndex(l => l.Contains("Test linux", StringComparison.Ordinal));
        var mac = lines.FindIndex(l => l.Contains("Test mac", StringComparison.Ordinal));
        var lint = lines.FindIndex(l => l.Contains("Lint", StringComparison.Ordinal));
        Assert.True(linux >= 0 && linux < mac && mac < lint, string.Join("\n", lines));
        Assert.DoesNotContain(lines, l => l.EndsWith("○ Test", StringComparison.Ordinal));
    }

    [Fact]
    public void Live_ManyJobs_FitTheConsoleHeight()
    {
        var jobs = Enumerable.Range(1, 60).Select(i => $"Job{i}").ToArray();
        var (model, script, stage) = Started(jobs);
        foreach (var name in jobs.Take(8))
        {
            var step = script.Start(RecordKind.Step, "s", script.Start(RecordKind.Job, name, stage));
            script.Line(step, "working on " + name);
        }

        var output = Draw(model, script.Now, height: 20);

        Assert.True(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 19, output);
        Assert.Contains("Job8", output, StringComparison.Ordinal);
        Assert.Contains("52 pending", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_OutputLines_AreCleanedOfEscapesAndControlCharacters()
    {
        var (model, script, stage) = Started("Linux");
        var step = script.Start(RecordKind.Step, "s", script.Start(RecordKind.Job, "Linux", stage));
        script.Line(step, "\u001b[31mred\u001b[0m and\u0007 bell\u0000");

        var output = Draw(model, script.Now);

        Assert.Contains("│ red and bell", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public void LiveView_DrawsTheRunUntilStopped()
    {
        var console = new TestConsole().Width(100).Height(40).Interactive().EmitAnsiSequences();
        using var view = new LiveRunView(console, TimeProvider.System);
        view.Start();
        var script = new EventScript(view);

        script.PlayTypicalRun();
        var drawn = view.Frames;
        SpinWait.SpinUntil(() => view.Frames >= drawn + 2, TimeSpan.FromSeconds(20));
        view.Stop();

        Assert.Empty(view.Problems);
        var screen = ConsoleText.Clean(console.Output);
        Assert.Contains("✘ Unit", screen, StringComparison.Ordinal);
        Assert.Contains("↷ Deploy", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void LineTail_KeepsTheLastLines_AndCountsAllOfThem_UnderConcurrentWriters()
    {
        var tail = new LineTail(8);

        Parallel.For(0, 4, writer =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                tail.Add($"{writer}:{i}");
            }
        });
        tail.Add("last");

        Assert.Equal(200_001, tail.Count);
        var last = tail.Last(3);
        Assert.Equal(3, last.Count);
        Assert.Equal("last", last[^1]);
    }

    /// <summary>Feeds the model directly, as <see cref="LiveRunView"/> does.</summary>
    private sealed class ModelSink(LiveRunModel model) : IRunEventSink
    {
        public void OnEvent(RunEvent runEvent) => model.Apply(runEvent);

        public void OnLogLine(in LogLine line) => model.AddLine(line);
    }
}
