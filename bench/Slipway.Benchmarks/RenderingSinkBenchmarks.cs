using BenchmarkDotNet.Attributes;
using Slipway.Cli.Rendering;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;

namespace Slipway.Benchmarks;

/// <summary>
/// Per-line cost of the views a run's output goes through: the plain log (prefix + buffer, written to
/// a null writer in 32 KB chunks) and the live view (a reference stored in the job's ring; the
/// drawing happens elsewhere, ten times a second). The budget is 200,000 lines/s for the whole
/// path, i.e. 5 µs per line; the views should take a small part of it and allocate nothing per line.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RenderingSinkBenchmarks : IDisposable
{
    private const int Lines = 10_000;
    private readonly string[] _lines = new string[Lines];
    private TimelineNode _step = null!;
    private PlainLogSink _plain = null!;
    private LiveRunView _live = null!;
    private LiveRunRenderer _wide = null!;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Lines; i++)
        {
            _lines[i] = $"[{i}] Compiling src/Module{i % 37}/File{i}.cs -> obj/Release/net10.0/Module.dll ({i * 13 % 997} ms)";
        }

        var plan = new Plan
        {
            Syntax = PipelineSyntax.AzurePipelines,
            File = "azure-pipelines.yml",
            Stages = [new StagePlan { Name = "Build", Jobs = [new JobPlan { Name = "Linux", Kind = JobKind.Job }] }],
        };
        var stage = new TimelineNode(RecordKind.Stage, "Build", "Build", null);
        var job = new TimelineNode(RecordKind.Job, "Linux", "Linux", stage);
        _step = new TimelineNode(RecordKind.Step, "compile", "Compile", job);
        var started = new RunStarted(DateTimeOffset.UnixEpoch, 1, "azure-pipelines.yml", "1", plan, "/tmp");

        _plain = new PlainLogSink(TextWriter.Null, TimeProvider.System);
        _plain.OnEvent(started);
        _live = new LiveRunView(Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(TextWriter.Null) }), TimeProvider.System);
        _live.OnEvent(started);
        foreach (var sink in new IRunEventSink[] { _plain, _live })
        {
            sink.OnEvent(new RecordStarted(DateTimeOffset.UnixEpoch, job));
            sink.OnEvent(new RecordStarted(DateTimeOffset.UnixEpoch, _step));
        }

        _wide = WideRun();
    }

    /// <summary>200 jobs in one stage, 8 of them running with output: the frame the live view draws ten times a second.</summary>
    private static LiveRunRenderer WideRun()
    {
        var names = Enumerable.Range(1, 200).Select(i => $"Job{i}").ToList();
        var plan = new Plan
        {
            Syntax = PipelineSyntax.AzurePipelines,
            File = "azure-pipelines.yml",
            Stages = [new StagePlan { Name = "Build", Jobs = [.. names.Select(n => new JobPlan { Name = n, Kind = JobKind.Job })] }],
        };
        var model = new LiveRunModel();
        model.Apply(new RunStarted(DateTimeOffset.UnixEpoch, 1, "azure-pipelines.yml", "1", plan, "/tmp"));
        var stage = new TimelineNode(RecordKind.Stage, "Build", "Build", null);
        model.Apply(new RecordStarted(DateTimeOffset.UnixEpoch, stage));
        foreach (var name in names.Take(8))
        {
            var step = new TimelineNode(RecordKind.Step, "s", "Compile", new TimelineNode(RecordKind.Job, name, name, stage));
            model.Apply(new RecordStarted(DateTimeOffset.UnixEpoch, step));
            model.AddLine(new LogLine(step, LogLineKind.Output, "compiling " + name));
        }

        return new LiveRunRenderer(model, new StatusGlyphs(unicode: true));
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _plain?.Dispose();
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public void PlainLog_PerLine()
    {
        foreach (var line in _lines)
        {
            _plain.OnLogLine(new LogLine(_step, LogLineKind.Output, line));
        }
    }

    [Benchmark]
    public object LiveView_Frame_200Jobs() => _wide.Render(DateTimeOffset.UnixEpoch.AddSeconds(5), 120, 40);

    [Benchmark(OperationsPerInvoke = Lines)]
    public void LiveView_PerLine()
    {
        foreach (var line in _lines)
        {
            _live.OnLogLine(new LogLine(_step, LogLineKind.Output, line));
        }
    }
}
