namespace Slipway.Core.Execution.Processes;

internal sealed partial class ProcessRunner
{
    private async Task<(bool Canceled, bool TimedOut)> WaitForExitAsync(
        ChildProcess process, int? groupId, ProcessSpec spec, CancellationToken cancellationToken)
    {
        using var timeoutCts = spec.Timeout is { } timeout
            ? new CancellationTokenSource(timeout, _time)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
            return (false, false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            var timedOut = timeoutCts.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
            await TerminateAsync(process, groupId, spec.CancelGracePeriod).ConfigureAwait(false);
            return (!timedOut, timedOut);
        }
    }

    /// <summary>SIGINT, then SIGTERM at half the grace period, then SIGKILL; always SIGKILL the rest of
    /// the group afterwards, so nothing started by the step survives a cancel.</summary>
    private async Task TerminateAsync(ChildProcess process, int? groupId, TimeSpan gracePeriod)
    {
        var half = gracePeriod / 2;
        if (groupId is { } id)
        {
            ProcessGroups.Signal(id, GroupSignal.Interrupt);
            if (!await ExitsWithinAsync(process, half).ConfigureAwait(false))
            {
                ProcessGroups.Signal(id, GroupSignal.Terminate);
                if (!await ExitsWithinAsync(process, gracePeriod - half).ConfigureAwait(false))
                {
                    ProcessGroups.Signal(id, GroupSignal.Kill);
                }
            }

            ProcessGroups.Signal(id, GroupSignal.Kill);
        }
        else if (!await ExitsWithinAsync(process, TimeSpan.Zero).ConfigureAwait(false))
        {
            process.KillTree();
        }

        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<bool> ExitsWithinAsync(ChildProcess process, TimeSpan limit)
    {
        if (process.HasExited)
        {
            return true;
        }

        using var cts = new CancellationTokenSource(limit, _time);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            return false;
        }
    }

    private static void StopNow(ChildProcess process, int? groupId)
    {
        if (groupId is { } id)
        {
            ProcessGroups.Signal(id, GroupSignal.Kill);
        }
        else
        {
            process.KillTree();
        }
    }
}
