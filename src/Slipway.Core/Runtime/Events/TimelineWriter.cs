using System.Globalization;
using System.Threading.Channels;
using Slipway.Core.Runs;

namespace Slipway.Core.Runtime.Events;

/// <summary>
/// Writes the run's timeline changes to the run store in order, batching whatever has queued up
/// into one transaction, so a busy run does not wait for a commit per change. Record ids come from
/// the run's reserved range. <see cref="CompleteAsync"/> writes what is left. After each commit the
/// writer lets changes gather for <see cref="GatherTime"/> (real time: the views get events directly,
/// only other processes reading the store see them that much later), so a run of many short jobs
/// commits a few times a second instead of several times a job.
/// </summary>
internal sealed class TimelineWriter
{
    private readonly RunStore _store;
    private readonly TimeProvider _time;
    private readonly Channel<RunStoreWrite> _queue = Channel.CreateUnbounded<RunStoreWrite>(new UnboundedChannelOptions { SingleReader = true });
    private static readonly TimeSpan GatherTime = TimeSpan.FromMilliseconds(50);
    private readonly TaskCompletionSource _completing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;
    private long _nextId;

    public TimelineWriter(RunStore store, long runId, TimeProvider time)
    {
        _store = store;
        _time = time;
        _nextId = RunStore.FirstRecordId(runId) - 1;
        _loop = Task.Run(LoopAsync);
    }

    public long NextRecordId() => Interlocked.Increment(ref _nextId);

    public string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    public void Enqueue(RunStoreWrite write) => _queue.Writer.TryWrite(write);

    public async Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        _completing.TrySetResult();
        await _loop.ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        var batch = new List<RunStoreWrite>(256);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < 4096 && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            await _store.WriteBatchAsync(batch, CancellationToken.None).ConfigureAwait(false);
            batch.Clear();
            await Task.WhenAny(Task.Delay(GatherTime, TimeProvider.System), _completing.Task).ConfigureAwait(false);
        }
    }
}
