namespace Slipway.Core.Orchestration;

/// <summary>
/// How many jobs may run at once across the whole run (<c>--parallel N</c>, default: the number of
/// cores). Matrix legs and <c>maxParallel</c> take their slots here too. Each lease names its slot
/// (0 to N-1, no two holders at once), as each of N agents would have its own work folder.
/// </summary>
public sealed class JobSlots(int count) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, count), Math.Max(1, count));
    private readonly Stack<int> _free = new(Enumerable.Range(0, Math.Max(1, count)).Reverse());

    public int Count { get; } = Math.Max(1, count);

    public async Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_free)
        {
            return new Lease(this, _free.Pop());
        }
    }

    public void Dispose() => _slots.Dispose();

    private void Release(int number)
    {
        lock (_free)
        {
            _free.Push(number);
        }

        _slots.Release();
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
