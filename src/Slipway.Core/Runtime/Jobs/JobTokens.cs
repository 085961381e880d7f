namespace Slipway.Core.Runtime.Jobs;

/// <summary>
/// The cancellation a job runs under. <see cref="JobToken"/> fires on Ctrl-C or the job timeout;
/// steps that still run after that (<c>always()</c>, <c>canceled()</c>) get <see cref="StepToken"/>,
/// which fires when <c>cancelTimeoutInMinutes</c> has passed or on the second Ctrl-C (<see cref="KillToken"/>).
/// </summary>
internal sealed class JobTokens : IDisposable
{
    private readonly CancellationTokenSource _job;
    private readonly TimeSpan _cancelTimeout;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private CancellationTokenSource? _grace;

    public JobTokens(TimeSpan? timeout, TimeSpan cancelTimeout, TimeProvider time, CancellationToken run, CancellationToken kill)
    {
        _job = CancellationTokenSource.CreateLinkedTokenSource(run, kill);
        if (timeout is { } limit)
        {
            Timeout = new CancellationTokenSource(limit, time);
            Timeout.Token.Register(_job.Cancel);
        }

        KillToken = kill;
        _cancelTimeout = cancelTimeout;
        _time = time;
    }

    public CancellationToken JobToken => _job.Token;

    public CancellationToken KillToken { get; }

    public CancellationTokenSource? Timeout { get; }

    public bool TimedOut => Timeout?.IsCancellationRequested == true && !KillToken.IsCancellationRequested;

    /// <summary>The token for the next step: the job's while it is not canceled, else the cancel grace period.</summary>
    public CancellationToken StepToken
    {
        get
        {
            if (!_job.IsCancellationRequested)
            {
                return _job.Token;
            }

            lock (_lock)
            {
                _grace ??= CreateGrace();
                return _grace.Token;
            }
        }
    }

    private CancellationTokenSource CreateGrace()
    {
        var grace = CancellationTokenSource.CreateLinkedTokenSource(KillToken);
        grace.CancelAfter(_cancelTimeout);
        return grace;
    }

    public void Dispose()
    {
        Timeout?.Dispose();
        _grace?.Dispose();
        _job.Dispose();
    }
}
