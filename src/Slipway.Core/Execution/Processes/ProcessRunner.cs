using System.Threading.Channels;

namespace Slipway.Core.Execution.Processes;

/// <summary>
/// Runs one child process: stdout and stderr are read as lines while they arrive and handed, merged
/// in arrival order, to one consumer (never concurrently). Timeout and cancellation stop the whole
/// process tree. Bad input (missing program or directory) is a result, not an exception.
/// </summary>
internal sealed partial class ProcessRunner
{
    private const int ChannelCapacity = 8192;
    private readonly TimeProvider _time;

    public ProcessRunner(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
    }

    /// <summary>Runs the process; every output line goes to <paramref name="output"/> (which is not completed).</summary>
    public Task<ProcessResult> RunAsync(ProcessSpec spec, ChannelWriter<OutputLine> output, CancellationToken cancellationToken) =>
        RunAsync(spec, line => output.WriteAsync(line, CancellationToken.None), cancellationToken);

    /// <summary>Runs the process; <paramref name="onLine"/> is called for each line, one call at a time.</summary>
    public async Task<ProcessResult> RunAsync(ProcessSpec spec, Func<OutputLine, ValueTask> onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(onLine);
        if (!Directory.Exists(spec.WorkingDirectory))
        {
            return ProcessResult.NotStarted($"The working directory '{spec.WorkingDirectory}' does not exist.");
        }

        var executable = ExecutableResolver.Resolve(spec.FileName, spec.Environment, spec.WorkingDirectory);
        if (executable is null)
        {
            return ProcessResult.NotStarted($"The program '{spec.FileName}' was not found (searched the step's PATH).");
        }

        var started = _time.GetTimestamp();
        var trackingId = spec.TrackingId ?? ProcessTracking.NewId();
        var environment = new List<KeyValuePair<string, string>>(spec.Environment.Count + 1);
        foreach (var variable in spec.Environment)
        {
            if (variable.Key != ProcessTracking.EnvironmentVariable)
            {
                environment.Add(variable);
            }
        }

        environment.Add(new(ProcessTracking.EnvironmentVariable, trackingId));
        var (child, error) = ChildProcessStarter.Start(executable, spec.Arguments, environment, spec.WorkingDirectory, spec.MergeStandardError);
        if (child is null)
        {
            return ProcessResult.NotStarted($"The program '{executable}' could not be started: {error}");
        }

        using var process = child;
        ProcessTracking.Started(process.Id, trackingId);
        try
        {
            var groupId = ProcessGroups.Supported ? process.Id : (int?)null;
            var (canceled, timedOut) = await SuperviseAsync(process, groupId, trackingId, spec, onLine, cancellationToken).ConfigureAwait(false);
            return new ProcessResult(process.ExitCode, canceled, timedOut, _time.GetElapsedTime(started))
            {
                ProcessGroupId = groupId,
                TrackingId = trackingId,
            };
        }
        finally
        {
            ProcessTracking.Ended(process.Id);
        }
    }

    private async Task<(bool Canceled, bool TimedOut)> SuperviseAsync(
        ChildProcess process, int? groupId, string trackingId, ProcessSpec spec, Func<OutputLine, ValueTask> onLine, CancellationToken cancellationToken)
    {
        // Synchronous continuations: the consumer runs on the thread that wrote (or completed), one hand-off less per batch of lines and at the end.
        var channel = Channel.CreateBounded<OutputLine>(new BoundedChannelOptions(ChannelCapacity) { SingleReader = true, AllowSynchronousContinuations = true });
        using var readCts = new CancellationTokenSource();
        var output = OutputPump.RunAsync(process.StandardOutput, OutputStream.StandardOutput, spec.MaxLineLength, channel.Writer, readCts.Token);
        var pumps = process.StandardError is { } errors
            ? Task.WhenAll(output, OutputPump.RunAsync(errors, OutputStream.StandardError, spec.MaxLineLength, channel.Writer, readCts.Token))
            : output;
        var consumer = ConsumeAsync(channel.Reader, onLine, process, groupId, readCts);

        var outcome = await WaitForExitAsync(process, groupId, spec, cancellationToken).ConfigureAwait(false);
        if (!spec.KeepBackgroundProcesses || outcome.Canceled || outcome.TimedOut)
        {
            // A fresh id is only in this process tree, all started after its leader; a caller's id
            // (a job's) may be in earlier steps' processes too.
            KillLeftovers(groupId, trackingId, startedAfter: spec.TrackingId is null ? groupId : null);
        }

        await DrainAsync(pumps, process, spec, readCts).ConfigureAwait(false);
        channel.Writer.TryComplete();
        await consumer.ConfigureAwait(false);
        return outcome;
    }

    private static async Task ConsumeAsync(
        ChannelReader<OutputLine> reader, Func<OutputLine, ValueTask> onLine, ChildProcess process, int? groupId, CancellationTokenSource readCts)
    {
        var completed = false;
        try
        {
            await foreach (var line in reader.ReadAllAsync().ConfigureAwait(false))
            {
                await onLine(line).ConfigureAwait(false);
            }

            completed = true;
        }
        finally
        {
            if (!completed)
            {
                // The consumer broke: stop the process and the readers so nothing waits on a full channel.
                await readCts.CancelAsync().ConfigureAwait(false);
                StopNow(process, groupId);
            }
        }
    }

    private async Task DrainAsync(Task pumps, ChildProcess process, ProcessSpec spec, CancellationTokenSource readCts)
    {
        if (pumps.IsCompleted)
        {
            await pumps.ConfigureAwait(false); // the usual case: both pipes were at their end when the exit was seen
            return;
        }

        var drainLimit = spec.KeepBackgroundProcesses ? spec.OutputDrainTimeout : TimeSpan.FromSeconds(5);
        using var limit = new CancellationTokenSource();
        var finished = await Task.WhenAny(pumps, Task.Delay(drainLimit, _time, limit.Token)).ConfigureAwait(false);
        await limit.CancelAsync().ConfigureAwait(false); // no timer left behind to fire for nothing
        if (finished != pumps)
        {
            await readCts.CancelAsync().ConfigureAwait(false);
            process.StandardOutput.Dispose();
            process.StandardError?.Dispose();
        }

        await pumps.ConfigureAwait(false);
    }

    private static void KillLeftovers(int? groupId, string trackingId, int? startedAfter)
    {
        if (groupId is { } id)
        {
            ProcessGroups.Signal(id, GroupSignal.Kill);
        }

        ProcessTracking.KillTracked(trackingId, startedAfter);
    }
}
