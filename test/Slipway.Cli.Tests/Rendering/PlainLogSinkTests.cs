using Slipway.Cli.Rendering;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Reporting;
using Slipway.Tests.Support;

namespace Slipway.Cli.Tests.Rendering;

public class PlainLogSinkTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly string[] FourJobs = ["A", "B", "C", "D"];

    private static string[] Play(Action<EventScript> script)
    {
        using var writer = new StringWriter();
        using (var sink = new PlainLogSink(writer, new ManualTime(T0)))
        {
            script(new EventScript(sink));
        }

        return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Plain_MultiStage_PrefixesStageSlashJob_WithDisplayNames()
    {
        var lines = Play(s => s.PlayTypicalRun());

        Assert.Contains("[Build/Linux x64] Build succeeded.", lines);
        Assert.Contains("[Test/Unit] Failed Calc.Adds", lines);
    }

    [Fact]
    public void Plain_SingleStage_PrefixesJobOnly()
    {
        var lines = Play(s =>
        {
            s.RunStarted(EventScript.Plan(("__default", ["Job"])));
            var stage = s.Start(RecordKind.Stage, "__default", null);
            var job = s.Start(RecordKind.Job, "Job", stage);
            var step = s.Start(RecordKind.Step, "CmdLine", job, "Run a one-line script");
            s.Line(step, "Hello, world!");
        });

        Assert.Contains("[Job] Hello, world!", lines);
        Assert.DoesNotContain(lines, l => l.Contains("__default", StringComparison.Ordinal));
    }

    [Fact]
    public void AZP_LOG_40_FormattingCommands_RenderAsAzureRawLogLines()
    {
        var lines = Play(s =>
        {
            s.RunStarted(EventScript.Plan(("__default", ["Job"])));
            var step = s.Start(RecordKind.Step, "s", s.Start(RecordKind.Job, "Job", s.Start(RecordKind.Stage, "__default", null)));
            s.Line(step, "Build", LogLineKind.Group);
            s.Line(step, "inside");
            s.Line(step, string.Empty, LogLineKind.EndGroup);
            s.Line(step, "Phase", LogLineKind.Section);
            s.Line(step, "/usr/bin/bash script.sh", LogLineKind.Command);
            s.Line(step, "careful", LogLineKind.Warning);
            s.Line(step, "broken", LogLineKind.Error);
            s.Line(step, "details", LogLineKind.Debug);
        });

        var start = Array.IndexOf(lines, "[Job] ##[group]Build");
        Assert.True(start >= 0, string.Join("\n", lines));
        Assert.Equal(
            ["[Job] ##[group]Build", "[Job] inside", "[Job] ##[endgroup]", "[Job] ##[section]Phase", "[Job] ##[command]/usr/bin/bash script.sh",
             "[Job] ##[warning]careful", "[Job] ##[error]broken", "[Job] ##[debug]details"],
            lines[start..(start + 8)]);
    }

    [Fact]
    public void Plain_StageAndJobStartAndFinish_StepResultLines_WithDurationExitCodeAndReason()
    {
        var lines = Play(s => s.PlayTypicalRun());

        Assert.Contains("[Test] ##[section]Starting: Test", lines);
        Assert.Contains("[Build/Linux x64] ##[section]Starting: Linux x64", lines);
        Assert.Contains("[Build/Linux x64] Compile: Succeeded with issues in 2.5s", lines);
        Assert.Contains("[Test/Unit] Run tests: Failed in 1.5s, exit code 1 - Bash exited with code '1'.", lines);
        Assert.Contains("[Test/Unit] ##[section]Finishing: Unit (Failed in 1.6s)", lines);
        Assert.Contains("[Test] ##[section]Finishing: Test (Failed in 1.7s)", lines);
        Assert.Contains("[Deploy] Skipped: Deploy (dependency Test failed)", lines);
        Assert.Contains("[Deploy/Prod] Skipped: Prod (dependency Test failed)", lines);
    }

    [Fact]
    public void Plain_StepStart_IsLeftToTheStepsOwnLog()
    {
        var lines = Play(s => s.PlayTypicalRun());

        Assert.DoesNotContain(lines, l => l.Contains("Starting: Compile", StringComparison.Ordinal));
        Assert.Contains("[Build/Linux x64] ##[section]Compile", lines);
    }

    [Fact]
    public void Plain_LinesKeepTheirOrder_JobStartBeforeOutputBeforeStepResult()
    {
        var lines = Play(s => s.PlayTypicalRun()).Where(l => l.StartsWith("[Build/Linux x64]", StringComparison.Ordinal)).ToList();

        Assert.Equal("[Build/Linux x64] ##[section]Starting: Linux x64", lines[0]);
        Assert.Equal("[Build/Linux x64] ##[section]Compile", lines[1]);
        Assert.True(lines.IndexOf("[Build/Linux x64] Build succeeded.") < lines.IndexOf("[Build/Linux x64] Compile: Succeeded with issues in 2.5s"));
        Assert.Equal("[Build/Linux x64] ##[section]Finishing: Linux x64 (Succeeded with issues in 2.6s)", lines[^1]);
    }

    [Fact]
    public void Plain_MaskedTextIsWrittenAsReceived()
    {
        var lines = Play(s =>
        {
            s.RunStarted(EventScript.Plan(("__default", ["Job"])));
            var step = s.Start(RecordKind.Step, "s", s.Start(RecordKind.Job, "Job", s.Start(RecordKind.Stage, "__default", null)));
            s.Line(step, "token=*** and ***", LogLineKind.Output);
            s.Line(step, "echo ***", LogLineKind.Command);
        });

        Assert.Contains("[Job] token=*** and ***", lines);
        Assert.Contains("[Job] ##[command]echo ***", lines);
    }

    [Fact]
    public void Plain_BufferedLines_AppearWhenTheFlushTimerFires_WithoutAStepBoundary()
    {
        using var writer = new StringWriter();
        var time = new ManualTime(T0);
        using var sink = new PlainLogSink(writer, time);
        var script = new EventScript(sink);
        script.RunStarted(EventScript.Plan(("__default", ["Job"])));
        var step = script.Start(RecordKind.Step, "s", script.Start(RecordKind.Job, "Job", script.Start(RecordKind.Stage, "__default", null)));
        script.Line(step, "still running");
        Assert.DoesNotContain("still running", writer.ToString(), StringComparison.Ordinal);

        time.FireTimers();

        Assert.Contains("[Job] still running\n", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_ParallelJobs_EachLineWhole_AndInOrderPerJob()
    {
        using var writer = new StringWriter();
        var time = new ManualTime(T0);
        var sink = new PlainLogSink(writer, time);
        var script = new EventScript(sink);
        script.RunStarted(EventScript.Plan(("__default", ["A", "B", "C", "D"])));
        var stage = script.Start(RecordKind.Stage, "__default", null);
        var steps = FourJobs.Select(j => script.Start(RecordKind.Step, "s", script.Start(RecordKind.Job, j, stage))).ToList();

        Parallel.ForEach(steps, step =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                sink.OnLogLine(new LogLine(step, LogLineKind.Output, "line " + i));
                if (i % 5000 == 0)
                {
                    time.FireTimers();
                }
            }
        });
        sink.Dispose();

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("] line ", StringComparison.Ordinal)).ToList();
        Assert.Equal(80_000, lines.Count);
        foreach (var job in FourJobs)
        {
            var numbers = lines.Where(l => l.StartsWith($"[{job}] ", StringComparison.Ordinal)).Select(l => int.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(0, 20_000), numbers);
        }
    }

    [Fact]
    public void Plain_ConsoleWriteFailure_IsReportedOnce_AndTheRunGoesOn()
    {
        using var writer = new FailingWriter();
        var sink = new PlainLogSink(writer, new ManualTime(T0));
        var script = new EventScript(sink);

        script.PlayTypicalRun();
        sink.Dispose();

        var problem = Assert.Single(sink.Problems);
        Assert.Equal(ReportingDiagnosticCodes.ConsoleWriteFailed, problem.Code);
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(ReadOnlySpan<char> buffer) => throw new IOException("No space left on device");

        public override void Write(System.Text.StringBuilder? value) => throw new IOException("No space left on device");
    }
}
