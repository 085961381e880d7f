using System.Collections.Concurrent;
using Slipway.Core.Pipelines.Azure;
using Slipway.Core.Runs;
using Slipway.Core.Runtime;
using Slipway.Core.Runtime.Events;

namespace Slipway.Core.Tests.Runtime;

/// <summary>Compiles YAML text and runs it with <see cref="LocalRun"/> in a fresh folder, collecting the events.</summary>
internal sealed class RuntimeHarness
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("slipway-runtime-").FullName;

    public CollectingSink Events { get; } = new();

    public async Task<LocalRunResult> RunAsync(string yaml, TimeProvider time, RunOptions? options = null, CancellationToken cancel = default)
    {
        var file = Path.Combine(Dir, "azure-pipelines.yml");
        await File.WriteAllTextAsync(file, yaml, CancellationToken.None);
        var compiled = AzurePipelineCompiler.CreateDefault().Compile(new CompileRequest { FilePath = file, DisplayPath = "azure-pipelines.yml" });
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        options ??= new RunOptions { RepositoryRoot = Dir };
        options = options with
        {
            BaseEnvironment = new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin", ["HOME"] = Dir },
        };
        return await LocalRun.RunAsync(new LocalRunRequest(compiled.Plan!, "azure-pipelines.yml", options), Events, time, cancel, CancellationToken.None);
    }
}

/// <summary>Keeps every event and line (thread-safe).</summary>
internal sealed class CollectingSink : IRunEventSink
{
    public ConcurrentQueue<RunEvent> All { get; } = new();

    public ConcurrentQueue<LogLine> Lines { get; } = new();

    public void OnEvent(RunEvent runEvent) => All.Enqueue(runEvent);

    public void OnLogLine(in LogLine line) => Lines.Enqueue(line);

    public RecordCompleted Completed(string identifier) =>
        All.OfType<RecordCompleted>().Single(c => string.Equals(c.Node.Identifier, identifier, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<IssueRaised> Issues => All.OfType<IssueRaised>();

    public IEnumerable<string> Output => Lines.Where(l => l.Kind == LogLineKind.Output).Select(l => l.Text);
}

/// <summary>Real time, sped up: every timer the code under test creates fires after due/<c>factor</c>; requested due times are recorded.</summary>
internal sealed class ScaledTimeProvider(double factor) : TimeProvider
{
    public ConcurrentQueue<TimeSpan> Requested { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Requested.Enqueue(dueTime);
        return System.CreateTimer(callback, state, Scale(dueTime), Scale(period));
    }

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span / factor;
}

internal static class RunResultsOf
{
    public static RunResult Result(this CollectingSink sink, string identifier) => sink.Completed(identifier).Result;
}
