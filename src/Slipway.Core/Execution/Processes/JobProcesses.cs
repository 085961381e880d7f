using System.Collections.Concurrent;

namespace Slipway.Core.Execution.Processes;

/// <summary>
/// The processes of one job, for both runners: every one carries the job's tracking id
/// (<see cref="ProcessTracking.EnvironmentVariable"/>), each step's process group is recorded as it starts, and
/// nothing outlives the job (<see cref="EndJob"/>).
/// </summary>
internal sealed class JobProcesses
{
    private readonly ConcurrentBag<int> _groups = [];
    private int _firstProcessId;

    /// <summary>Every process of the job carries this id, so whatever the steps leave behind is found at job end.</summary>
    public string TrackingId { get; } = ProcessTracking.NewId();

    /// <summary>A step's process group; the first one bounds the leftover scan (only processes started since can carry the id).</summary>
    public void AddGroup(int group)
    {
        Interlocked.CompareExchange(ref _firstProcessId, group, 0);
        _groups.Add(group);
    }

    /// <summary>SIGKILLs every process carrying the job's id (a second Ctrl-C).</summary>
    public void KillAll() => ProcessTracking.KillTracked(TrackingId);

    /// <summary>
    /// A job's end: SIGKILLs the steps' process groups (where nearly everything a step leaves behind is), runs
    /// <paramref name="release"/> (the job gives back its temp folder and slot: the next job starts), and only then reads
    /// <c>/proc</c> for whatever started since the job's first process and still carries its id (a daemon that left its
    /// group with <c>setsid</c>), so that sweep is not on the way to the next job.
    /// </summary>
    public void EndJob(Action release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var any = false;
        foreach (var group in _groups)
        {
            ProcessGroups.Signal(group, GroupSignal.Kill);
            any = true;
        }

        release();
        if (any)
        {
            ProcessTracking.KillTracked(TrackingId, startedAfter: _firstProcessId > 0 ? _firstProcessId - 1 : null);
        }
    }
}
