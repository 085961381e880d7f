namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// Where a job's steps get their file-command file sets: from the run slot's kept ones (<see cref="SlotTempFiles"/>)
/// when the job holds a slot, else new names in the job's own temp folder. The sets the job took go back to the slot
/// at the job's end (<see cref="ReturnToSlot"/>), after its processes are gone.
/// </summary>
internal sealed class JobFileCommands(string folder, SlotTempFiles? slot)
{
    private readonly List<(string[] Set, StepFiles Owner)> _taken = [];

    /// <summary>The <c>_runner_file_commands</c> folder.</summary>
    public string Folder { get; } = folder;

    /// <summary>A set of five paths for one step (<paramref name="owner"/>); <paramref name="reused"/> when its files exist from an earlier job.</summary>
    public string[] Take(StepFiles owner, out bool reused)
    {
        if (slot is null)
        {
            reused = false;
            return StepFiles.NewNames(Folder);
        }

        var set = slot.Take(out reused);
        lock (_taken)
        {
            _taken.Add((set, owner));
        }

        return set;
    }

    /// <summary>At the job's end: the sets its steps left empty are kept for the slot's next job; the others are
    /// deleted with the rest of the temp folder (<see cref="StepFiles.IsClean"/>).</summary>
    public void ReturnToSlot()
    {
        lock (_taken)
        {
            slot?.Return(_taken.Where(t => t.Owner.IsClean).Select(t => t.Set));
            _taken.Clear();
        }
    }
}
