namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// Where a job's steps get their file-command file sets: from the run slot's kept ones (<see cref="SlotTempFiles"/>)
/// when the job holds a slot, else new names in the job's own temp folder. The sets the job took go back to the slot
/// at the job's end (<see cref="ReturnToSlot"/>), after its processes are gone.
/// </summary>
internal sealed class JobFileCommands(string folder, SlotTempFiles? slot)
{
    private readonly List<string[]> _taken = [];

    /// <summary>The <c>_runner_file_commands</c> folder.</summary>
    public string Folder { get; } = folder;

    /// <summary>A set of five paths for one step; <paramref name="reused"/> when its files exist from an earlier job.</summary>
    public string[] Take(out bool reused)
    {
        if (slot is null)
        {
            reused = false;
            return StepFiles.NewNames(Folder);
        }

        var set = slot.Take(out reused);
        lock (_taken)
        {
            _taken.Add(set);
        }

        return set;
    }

    /// <summary>At the job's end: its sets are kept for the slot's next job.</summary>
    public void ReturnToSlot()
    {
        lock (_taken)
        {
            slot?.Return(_taken);
            _taken.Clear();
        }
    }
}
