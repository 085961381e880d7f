namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// The <c>background: true</c> steps of one job (GitHub's parallel steps): each runs beside the following steps
/// under its own record and log. Its failure fails the job only through the first <c>wait</c> or <c>wait-all</c> step
/// that includes it; a step stopped by a <c>cancel</c> step, or still running when the job's steps are done (and
/// therefore stopped), does not fail the job.
/// </summary>
internal sealed class BackgroundSteps
{
    private readonly Lock _lock = new();
    private readonly List<BackgroundStep> _steps = [];

    public void Add(BackgroundStep step)
    {
        lock (_lock)
        {
            _steps.Add(step);
        }
    }

    public BackgroundStep? Find(string id)
    {
        lock (_lock)
        {
            return _steps.LastOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
        }
    }

    public IReadOnlyList<BackgroundStep> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _steps];
            }
        }
    }
}

/// <summary>One started background step: its run, the source that cancels it, and whether its failure was reported yet.</summary>
internal sealed class BackgroundStep(string id, Task<StepEnd> run, CancellationTokenSource cancel) : IDisposable
{
    private int _collected;
    private volatile bool _stopped;

    public string Id { get; } = id;

    public Task<StepEnd> Run { get; } = run;

    /// <summary>Stopped on purpose (a <c>cancel</c> step or the end of the job): its result fails nothing.</summary>
    public bool Stopped => _stopped;

    public bool IsRunning => !Run.IsCompleted;

    public void Stop()
    {
        _stopped = true;
        try
        {
            cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It ended and was disposed meanwhile.
        }
    }

    /// <summary>True the first time a wait sees this step failed (later waits do not fail again).</summary>
    public bool TakeFailure(StepEnd end) =>
        !Stopped && end.Conclusion == StepConclusion.Failure && Interlocked.Exchange(ref _collected, 1) == 0;

    public void Dispose() => cancel.Dispose();
}
