using Slipway.Core.Masking;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Runtime;

/// <summary>
/// The outline every local run shares (<see cref="LocalRun"/> for Azure pipelines, <c>GitHubLocalRun</c> for
/// workflows): open the run store and create the run and its folder, build the run context, announce the
/// run and record its timeline, then complete it in the store and announce the result.
/// </summary>
internal sealed class LocalRunScaffold : IAsyncDisposable
{
    private readonly RunStore _store;
    private readonly TimeProvider _time;
    private TimelineWriter? _writer;
    private FolderJanitor? _janitor;
    private long _started;

    private LocalRunScaffold(RunStore store, string storeDirectory, TimeProvider time)
    {
        _store = store;
        StoreDirectory = storeDirectory;
        _time = time;
    }

    public string StoreDirectory { get; }

    public long RunId { get; private set; }

    /// <summary><c>.slipway/runs/&lt;id&gt;/</c>, created with the run.</summary>
    public string RunDirectory { get; private set; } = string.Empty;

    public static async Task<LocalRunScaffold> OpenAsync(string storeDirectory, TimeProvider time) =>
        new(await RunStore.OpenAsync(storeDirectory, time, CancellationToken.None).ConfigureAwait(false), storeDirectory, time);

    /// <summary>Records the run in the store and creates its folder.</summary>
    public async Task<long> CreateRunAsync(RunStart start)
    {
        RunId = await _store.CreateRunAsync(start, CancellationToken.None).ConfigureAwait(false);
        RunDirectory = Path.Combine(StoreDirectory, "runs", RunId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(RunDirectory);
        return RunId;
    }

    public Task SetBuildNumberAsync(string buildNumber) => _store.SetBuildNumberAsync(RunId, buildNumber, CancellationToken.None);

    /// <summary>The run's context with its services (artifacts, cache, test results) created for this run.</summary>
    public RunContext Context(Plan plan, RunOptions options, SecretMasker masker, IRunEventSink events, RepositoryInfo repository) => new()
    {
        Janitor = _janitor ??= StartJanitor(options.RepositoryRoot),
        RunId = RunId,
        RunDirectory = RunDirectory,
        StoreDirectory = StoreDirectory,
        Plan = plan,
        Options = options,
        Time = _time,
        StartTime = _time.GetUtcNow(),
        Masker = masker,
        Events = events,
        Services = RuntimeComposition.CreateRunServices(new RunServicesRequest(RunId, RunDirectory, StoreDirectory, options, _time)),
        Repository = repository,
    };

    private static FolderJanitor StartJanitor(string repositoryRoot) => FolderJanitor.Start(WorkFolder.TrashFor(repositoryRoot));

    /// <summary>
    /// Work-folder retention (<see cref="WorkRetention"/>): when it is due, the job folders of old runs go to the
    /// janitor, except those of runs the store says are still running (another <c>slipway run</c> of this repository).
    /// </summary>
    public async Task PruneOldWorkAsync(RunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = context.Options.RepositoryRoot;
        var keep = WorkRetention.Keep();
        if (!WorkRetention.IsDue(root, RunId, keep))
        {
            return;
        }

        var runs = await _store.ListRunsAsync(int.MaxValue, CancellationToken.None).ConfigureAwait(false);
        var running = runs.Where(r => r.State == RunState.Running && r.Id != RunId).Select(r => r.Id).ToHashSet();
        WorkRetention.Prune(root, RunId, keep, context.Janitor, running);
    }

    /// <summary>Announces the run (<see cref="RunStarted"/>) and returns the recorder of its timeline.</summary>
    public RunRecorder Start(RunContext context, string pipelinePath, string buildNumber)
    {
        ArgumentNullException.ThrowIfNull(context);
        _started = _time.GetTimestamp();
        context.Events.OnEvent(new RunStarted(_time.GetUtcNow(), RunId, pipelinePath, buildNumber, context.Plan, RunDirectory));
        _writer = new TimelineWriter(_store, RunId, _time);
        return new RunRecorder(_writer, RunId, context.Events, context.Masker, _time);
    }

    /// <summary>Flushes the timeline, completes the run in the store and announces the result (<see cref="RunCompleted"/>).</summary>
    public async Task<LocalRunResult> CompleteAsync(RunContext context, RunResult result, string buildNumber)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Folders.DiscardTemps();
        if (_writer is not null)
        {
            await _writer.CompleteAsync().ConfigureAwait(false);
        }

        await _store.CompleteRunAsync(RunId, result, CancellationToken.None).ConfigureAwait(false);
        context.Events.OnEvent(new RunCompleted(_time.GetUtcNow(), RunId, result, _time.GetElapsedTime(_started), buildNumber));
        return new LocalRunResult(RunId, result, buildNumber, RunDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_janitor is not null)
        {
            await _janitor.DisposeAsync().ConfigureAwait(false);
        }

        await _store.DisposeAsync().ConfigureAwait(false);
    }
}
