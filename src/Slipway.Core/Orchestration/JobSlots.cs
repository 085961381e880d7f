namespace Slipway.Core.Orchestration;

/// <summary>
/// How many jobs may run at once across the whole run (<c>--parallel N</c>, default: the number of
/// cores). Matrix legs and <c>maxParallel</c> take their slots here too.
/// </summary>
public sealed class JobSlots(int count) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, count), Math.Max(1, count));

    public int Count { get; } = Math.Max(1, count);

    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
