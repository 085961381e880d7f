namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>
/// <c>concurrency</c> groups of one run (GHA-WF-10): in a group at most one job runs and one waits; a
/// newly queued job cancels the older waiting one, and with <c>cancel-in-progress: true</c> also the
/// running one. Groups are compared case-insensitively, as GitHub does.
/// </summary>
internal sealed class ConcurrencyGroups
{
    private readonly Dictionary<string, Group> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>
    /// Waits for the group. <paramref name="running"/> is canceled if a later job of the group cancels this one
    /// while it runs. The result is null when this job was canceled while waiting (a newer one replaced it).
    /// </summary>
    public async Task<IDisposable?> EnterAsync(string group, bool cancelInProgress, CancellationTokenSource running, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(running);
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
                current.Source.Cancel();
            }

            if (state.Running is null)
            {
                state.Running = entry;
                return new Lease(this, group, entry);
            }

            state.Pending = entry;
            turn = entry.Turn.Task;
        }

        using (cancel.Register(() => entry.Turn.TrySetResult(false)))
        {
            if (await turn.ConfigureAwait(false))
            {
                return new Lease(this, group, entry);
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

    private void Leave(string group, Entry entry)
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

    private sealed record Entry(CancellationTokenSource Source)
    {
        public TaskCompletionSource<bool> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Lease(ConcurrencyGroups owner, string group, Entry entry) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave(group, entry);
            }
        }
    }
}
