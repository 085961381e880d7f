using System.Collections.Concurrent;
using System.Globalization;
using Slipway.Core.Orchestration;

namespace Slipway.Core.Runtime.Workspace;

/// <summary>
/// The run's folders outside its jobs' own: the work folder the job folders go in (<see cref="WorkFolder"/>,
/// worked out once per run), the tools folder (made once per run), and the jobs' temp folders. A job that holds
/// a run slot uses the slot's temp folder, as a runner's or an agent's <c>_work/_temp</c> (<c>RUNNER_TEMP</c>,
/// <c>Agent.TempDirectory</c>): shared by the jobs that run in that slot one after the other, emptied at the end of
/// each (<see cref="FolderJanitor.EmptyForReuse"/>), removed with the run. Making and removing a temp folder per job
/// cost six directory operations, the most expensive file-system calls a no-op job made. A job without a slot
/// (a caller that runs one job itself) gets its own, thrown away with the job.
/// </summary>
internal sealed class RunFolders(string work, string tools, FolderJanitor janitor)
{
    // The slots' temp folders handed out so far (the folder is the slot's: its path is its number's), and whether
    // the folder and its subfolders are known to be there (emptied, not removed, at the last job's end).
    private readonly ConcurrentDictionary<string, bool> _slotTemps = new(StringComparer.Ordinal);
    private bool _toolsMade;

    /// <summary>Where the run's job folders go (<see cref="WorkFolder.ForRun"/>).</summary>
    public string Work { get; } = work;

    /// <summary>The tools folder (<c>Agent.ToolsDirectory</c>, <c>RUNNER_TOOL_CACHE</c>), made on first use.</summary>
    public string Tools
    {
        get
        {
            if (!Volatile.Read(ref _toolsMade))
            {
                Directory.CreateDirectory(tools);
                Volatile.Write(ref _toolsMade, true);
            }

            return tools;
        }
    }

    /// <summary>
    /// The temp folder of a job, with <paramref name="subfolders"/> in it: the slot's when the job holds one (the holder
    /// has it to itself until it gives the slot back), else <c>_temp</c> in <paramref name="jobFolder"/>. Give it back
    /// with <see cref="ReleaseTemp"/>.
    /// </summary>
    public string TempFor(JobSlots.Lease? slot, string jobFolder, IReadOnlyList<string> subfolders)
    {
        ArgumentNullException.ThrowIfNull(subfolders);
        string folder;
        var ready = false;
        if (slot is null)
        {
            folder = Path.Combine(jobFolder, "_temp");
        }
        else
        {
            // _slot<n>/_temp: named _temp as the agent's and the runner's (a step may look at the name).
            folder = Path.Combine(Work, "_slot" + (slot.Number + 1).ToString(CultureInfo.InvariantCulture), "_temp");
            ready = _slotTemps.TryGetValue(folder, out var emptied) && emptied;
            _slotTemps[folder] = false; // until this job's end: its steps may remove them
        }

        // Made the first time, and again when missing (a step removed them). After the slot's last job found them all
        // in place, one stat each instead of a failed mkdir and a stat: only a process that outlived its job could
        // have removed them since.
        foreach (var path in subfolders.Count == 0 ? [folder] : subfolders.Select(sub => Path.Combine(folder, sub)))
        {
            if (!ready || !Directory.Exists(path))
            {
                Directory.CreateDirectory(path);
            }
        }

        return folder;
    }

    /// <summary>A job's end: a slot's temp folder is emptied for the slot's next job (<paramref name="keep"/>: the
    /// subfolders it was made with; <paramref name="keepFiles"/>: files the slot reuses), a job's own goes to the janitor.</summary>
    public void ReleaseTemp(string folder, IReadOnlyList<string> keep, IReadOnlySet<string>? keepFiles = null)
    {
        if (_slotTemps.ContainsKey(folder))
        {
            _slotTemps[folder] = janitor.EmptyForReuse(folder, keep, keepFiles);
        }
        else
        {
            janitor.Discard(folder);
        }
    }

    /// <summary>
    /// At the run's end: the slots' temp folders go to the janitor's trash, deleted when it has nothing else to do or by
    /// the next run (<see cref="FolderJanitor.DiscardWhenIdle"/>). Every job emptied its slot's folder at its end,
    /// so what is left is only what the slot keeps between jobs (empty file-command files, the event file): deleting
    /// it here, freeing disk blocks, made the end of every run wait 2-10 ms.
    /// </summary>
    public void DiscardTemps()
    {
        foreach (var folder in _slotTemps.Keys)
        {
            if (_slotTemps.TryRemove(folder, out _))
            {
                janitor.DiscardWhenIdle(Path.GetDirectoryName(folder)!); // the _slot<n> folder, with its _temp
            }
        }
    }
}
