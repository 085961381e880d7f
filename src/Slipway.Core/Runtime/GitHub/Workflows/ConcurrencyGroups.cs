namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>
/// <c>concurrency</c> groups of one run (GHA-WF-10): in a group at most one job runs and one waits; a
/// newly queued job cancels the older waiting one, and with <c>cancel-in-progress: true</c> also the
/// running one. Groups are compared case-insensitively, as GitHub does. With <paramref name="locks"/> the
/// job that gets its turn in this process also takes the group's cross-process lock, so groups hold
/// across concurrent <c>slipway run</c> processes on the same repository.
/// </summary>
internal sealed class ConcurrencyGroups(ConcurrencyLocks? locks = null)
{
    /// <summary>What GitHub shows on a run or job that a newer one of its group replaced or canceled.</summary>
    public static string CanceledMessage(string group) => $"Canceling since a higher priority waiting request for '{group}' exists";

    private readonly Dictionary<string, Group> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>
    /// Waits for the group. <paramref name="running"/> is canceled if a later job of the group cancels this one
    /// while it runs. The result is null when this job was canceled while waiting (a newer one replaced it).
    /// </summary>
    public async Task<ConcurrencyLease?> EnterAsync(string group, bool cancelInProgress, CancellationTokenSource running, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(running);
        var lease = await EnterHereAsync(group, cancelInProgress, running, cancel).ConfigureAwait(false);
        if (lease is null || locks is null)
        {
            return lease;
        }

        // Canceled while waiting for another process (Ctrl-C, or a newer job of this process with cancel-in-progress): give the turn on.
        var held = await locks.AcquireAsync(group, cancelInProgress, running.Token).ConfigureAwait(false);
        if (held is null)
        {
            lease.Dispose();
            return null;
        }

        lease.Attach(held, running);
        return lease;
    }

    private async Task<ConcurrencyLease?> EnterHereAsync(string group, bool cancelInProgress, CancellationTokenSource running, CancellationToken cancel)
    {
        var entry = new Entry(running);
        Task<bool> turn;
        lock (_lock)
        {
            if (!_groups.TryGetValue(group, out var state))
            {
                state = new Group();
                _groups[group] = state;
            }

            state.Pending?.Turn.TrySetResult(false);
            state.Pending = null;
            if (cancelInProgress && state.Running is { } current)
            {
                current.CanceledByGroup = true;
                current.Source.Cancel();
            }

            if (state.Running is null)
            {
                state.Running = entry;
                return new ConcurrencyLease(this, group, entry);
            }

            state.Pending = entry;
            turn = entry.Turn.Task;
        }

        using (cancel.Register(() => entry.Turn.TrySetResult(false)))
        {
            if (await turn.ConfigureAwait(false))
            {
                return new ConcurrencyLease(this, group, entry);
            }
        }

        lock (_lock)
        {
            if (_groups.TryGetValue(group, out var state) && ReferenceEquals(state.Pending, entry))
            {
                state.Pending = null;
            }
        }

        return null;
    }

    internal void Leave(string group, Entry entry)
    {
        lock (_lock)
        {
            if (!_groups.TryGetValue(group, out var state) || !ReferenceEquals(state.Running, entry))
            {
                return;
            }

            state.Running = null;
            if (state.Pending is { } next)
            {
                state.Pending = null;
                if (next.Turn.TrySetResult(true))
                {
                    state.Running = next;
                }
            }
        }
    }

    private sealed class Group
    {
        public Entry? Running { get; set; }

        public Entry? Pending { get; set; }
    }

    internal sealed record Entry(CancellationTokenSource Source)
    {
        public TaskCompletionSource<bool> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>A newer job of the group with <c>cancel-in-progress</c> canceled this one while it ran.</summary>
        public volatile bool CanceledByGroup;
    }
}

/// <summary>A job's turn in its concurrency group (and the group's cross-process lock when there is one).</summary>
internal sealed class ConcurrencyLease(ConcurrencyGroups owner, string group, ConcurrencyGroups.Entry entry) : IDisposable
{
    private ConcurrencyFileLock? _held;
    private int _left;

    /// <summary>A newer job or run of the group (here or in another process) canceled this one (<c>cancel-in-progress</c>).</summary>
    public bool CanceledByGroup => entry.CanceledByGroup;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _left, 1) == 0)
        {
            _held?.Dispose();
            owner.Leave(group, entry);
        }
    }

    internal void Attach(ConcurrencyFileLock held, CancellationTokenSource running)
    {
        _held = held;
        held.CancelRequested.ContinueWith(
            _ =>
            {
                entry.CanceledByGroup = true;
                try
                {
                    running.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The job already ended.
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }
}
