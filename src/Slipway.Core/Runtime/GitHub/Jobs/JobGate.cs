namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// Serializes the bookkeeping of a job's steps once background steps run beside the main sequence: a step holds
/// the gate from its start to its end except while one of its processes runs (<see cref="StepHost.RunProcessAsync"/>),
/// so the job's env, paths, states and <c>steps</c> context are never changed by two steps at once, while their
/// processes run side by side. Without background steps nobody else ever waits for it.
/// </summary>
internal sealed class JobGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task EnterAsync() => _gate.WaitAsync();

    public void Exit() => _gate.Release();

    /// <summary>Runs <paramref name="work"/> without the gate the caller holds (a process, a wait for other steps), then takes it back.</summary>
    public async Task<T> OutsideAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Exit();
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            await EnterAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _gate.Dispose();
}
