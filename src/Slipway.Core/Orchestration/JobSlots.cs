namespace Slipway.Core.Orchestration;

/// <summary>
/// How many jobs may run at once across the whole run (<c>--parallel N</c>, default: the number of
/// cores). Matrix legs and <c>maxParallel</c> take their slots here too. Each lease names its slot
/// (0 to N-1, no two holders at once), as each of N agents would have its own work folder.
/// </summary>
/// <remarks>
/// Waiters are served first come, first served. A released slot goes straight to the first waiter, whose job then
/// starts on the releasing thread (a synchronous continuation) instead of waiting for a pool thread to wake: the
/// releasing job's own remaining bookkeeping (its outputs, result and record) is not on the way to the next job.
/// Jobs that end without waiting for anything (every step skipped) would nest one inside the other and hold back
/// the first one's bookkeeping, so past a few levels on one thread the hand-over goes through the thread pool.
/// </remarks>
public sealed class JobSlots(int count)
{
    private const int MaxInlineDepth = 4;

    [ThreadStatic]
    private static int t_inlineDepth;

    private readonly Stack<int> _free = new(Enumerable.Range(0, Math.Max(1, count)).Reverse());
    private readonly LinkedList<Waiter> _waiters = new();

    public int Count { get; } = Math.Max(1, count);

    public Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<Lease>(cancellationToken);
        }

        Waiter waiter;
        lock (_free)
        {
            if (_free.Count > 0)
            {
                return Task.FromResult(new Lease(this, _free.Pop()));
            }

            waiter = new Waiter();
            waiter.Node = _waiters.AddLast(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
        }

        return waiter.Task;
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_free)
        {
            if (waiter.Node is not { } node)
            {
                return; // already handed a slot
            }

            _waiters.Remove(node);
            waiter.Node = null;
        }

        waiter.TrySetCanceled(cancellationToken);
    }

    private void Release(int number)
    {
        Waiter? next = null;
        lock (_free)
        {
            if (_waiters.First is { } first)
            {
                next = first.Value;
                _waiters.RemoveFirst();
                next.Node = null;
            }
            else
            {
                _free.Push(number);
            }
        }

        if (next is null)
        {
            return;
        }

        next.Registration.Dispose();
        var lease = new Lease(this, number);
        if (t_inlineDepth >= MaxInlineDepth)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Waiter.TrySetResult(s.Lease), (Waiter: next, Lease: lease), preferLocal: false);
            return;
        }

        t_inlineDepth++;
        try
        {
            next.TrySetResult(lease); // runs the waiter's job here, up to its first wait
        }
        finally
        {
            t_inlineDepth--;
        }
    }

    // Synchronous continuations on purpose (see the remarks): the waiter's job starts on the thread that released.
    private sealed class Waiter() : TaskCompletionSource<Lease>(TaskCreationOptions.None)
    {
        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }

    /// <summary>A held slot; disposing gives it back (once).</summary>
    public sealed class Lease : IDisposable
    {
        private readonly JobSlots _owner;
        private int _released;

        internal Lease(JobSlots owner, int number)
        {
            _owner = owner;
            Number = number;
        }

        /// <summary>Which slot: 0 to <see cref="Count"/> - 1.</summary>
        public int Number { get; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _owner.Release(Number);
            }
        }
    }
}
