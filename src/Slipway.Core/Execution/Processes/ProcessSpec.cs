namespace Slipway.Core.Execution.Processes;

/// <summary>What to start. The environment is explicit: nothing is inherited from Slipway itself.</summary>
internal sealed record ProcessSpec
{
    public const int DefaultMaxLineLength = 1024 * 1024;

    public required string FileName { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public required string WorkingDirectory { get; init; }

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>Kill the process tree when it runs longer than this (step <c>timeoutInMinutes</c> / <c>timeout-minutes</c>).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>After cancel or timeout: SIGINT, then SIGTERM at half this time, then SIGKILL when it has passed
    /// (Azure <c>cancelTimeoutInMinutes</c>; GitHub uses 7.5 s + 2.5 s).</summary>
    public TimeSpan CancelGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longer lines are split into pieces of this many characters, so one huge line cannot exhaust memory.</summary>
    public int MaxLineLength { get; init; } = DefaultMaxLineLength;

    /// <summary>By default every process left in the step's process group is killed when the step's
    /// main process exits. Set to leave background processes running (both runners kill those at job
    /// end instead); the caller then owns <see cref="ProcessResult.ProcessGroupId"/>.</summary>
    public bool KeepBackgroundProcesses { get; init; }

    /// <summary>Value of <c>SLIPWAY_TRACKING_ID</c> given to the process (a new id when null). Give all steps of
    /// a job one id and call <see cref="ProcessTracking.KillTracked"/> at job end to catch daemons.</summary>
    public string? TrackingId { get; init; }

    /// <summary>stdout and stderr share one pipe (where the platform allows): the lines keep the order the process
    /// wrote them in and all come as standard output, with one pipe and one reader fewer per process. For callers
    /// that treat both streams alike (a GitHub step: the runner handles both with one handler).</summary>
    public bool MergeStandardError { get; init; }

    /// <summary>How long to keep reading output after the main process exited while background
    /// processes still hold the pipes open (only with <see cref="KeepBackgroundProcesses"/>).</summary>
    public TimeSpan OutputDrainTimeout { get; init; } = TimeSpan.FromSeconds(1);
}
