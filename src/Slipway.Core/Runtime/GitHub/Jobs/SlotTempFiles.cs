using Slipway.Core.Execution.Output;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// The files a run slot's <c>RUNNER_TEMP</c> keeps from one job to the next: the file-command file sets
/// (<c>set_env_&lt;guid&gt;</c>, ...) and the event file. A runner makes five new files for every step and one event
/// file for every job; creating and then deleting them was the largest file-system cost of a no-op job (a create or
/// an unlink costs 20-50 µs on ext4 here). So a set is handed to one step, stays with its job until the job's
/// processes are gone, and then goes back to the slot for a later job if the step left all five files empty (a set
/// a step wrote to is deleted with the rest of the folder, so nothing a job wrote there reaches a later job); a step
/// never gets a set an earlier step of its own job had. Before a kept set is handed out, each file is checked with
/// one <c>lstat</c>: one that is missing, not empty or not a plain file is made again, so a step always starts with
/// five empty files of its own, as on the runner. The event file is kept while it is still the one written for the
/// same payload (size and write time). Everything else in the folder is deleted between jobs as before
/// (<see cref="Workspace.FolderJanitor.EmptyForReuse"/>). A slot's jobs run one after another; the lock only orders
/// one job's hand-back before the next job's first take.
/// </summary>
internal sealed class SlotTempFiles(string fileCommands, string eventPath)
{
    private readonly Lock _lock = new();
    private readonly Stack<string[]> _free = new();
    private readonly HashSet<string> _kept = new(StringComparer.Ordinal);
    private (object Payload, long Length, DateTime Written)? _event;

    /// <summary>The files to leave in place when the folder is emptied for the slot's next job.</summary>
    public IReadOnlySet<string> Kept
    {
        get
        {
            lock (_lock)
            {
                return new HashSet<string>(_kept, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>A set of five paths for one step: a kept one (<paramref name="reused"/>) or new names.</summary>
    public string[] Take(out bool reused)
    {
        lock (_lock)
        {
            if (_free.TryPop(out var set))
            {
                _kept.ExceptWith(set); // the job's now: kept again only if it comes back clean
                reused = true;
                return set;
            }
        }

        reused = false;
        return StepFiles.NewNames(fileCommands);
    }

    /// <summary>The job's sets, once its processes are gone: kept for the slot's next job.</summary>
    public void Return(IEnumerable<string[]> sets)
    {
        lock (_lock)
        {
            foreach (var set in sets)
            {
                _free.Push(set);
                _kept.UnionWith(set);
            }
        }
    }

    /// <summary>Writes the event file unless the slot's is still the one written for <paramref name="payload"/>.</summary>
    public void WriteEvent(object payload, ReadOnlySpan<byte> json)
    {
        lock (_lock)
        {
            if (_event is { } written && ReferenceEquals(written.Payload, payload) && StepFiles.Unchanged(eventPath, written.Length, written.Written))
            {
                return;
            }

            if (_kept.Remove(eventPath))
            {
                File.Delete(eventPath); // changed by a step: made anew (never truncated, see NewFiles)
            }

            NewFiles.Write(eventPath, json);
            var info = new FileInfo(eventPath);
            _event = (payload, info.Length, info.LastWriteTimeUtc);
            _kept.Add(eventPath);
        }
    }
}
