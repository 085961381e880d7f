namespace Slipway.Core.Execution.Processes;

/// <summary>How a process ended. A process that could not start is a value too (<see cref="StartError"/>).</summary>
internal sealed record ProcessResult(int ExitCode, bool Canceled, bool TimedOut, TimeSpan Duration)
{
    /// <summary>Why the process could not be started; null when it ran.</summary>
    public string? StartError { get; init; }

    /// <summary>Process group of the step (its main process id) when the platform supports groups.</summary>
    public int? ProcessGroupId { get; init; }

    /// <summary>The <c>SLIPWAY_TRACKING_ID</c> the process tree carried.</summary>
    public string? TrackingId { get; init; }

    public bool Started => StartError is null;

    public bool Succeeded => Started && !Canceled && !TimedOut && ExitCode == 0;

    public static ProcessResult NotStarted(string error) => new(-1, false, false, TimeSpan.Zero) { StartError = error };
}
