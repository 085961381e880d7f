namespace Slipway.Core.Runtime.Workspace;

/// <summary>
/// The run's folders outside its jobs' own: the work folder the job folders go in (<see cref="WorkFolder"/>,
/// worked out once per run), the tools folder (made once per run), and one temp folder per run slot.
/// A slot's temp folder is what a runner's or an agent's <c>_work/_temp</c> is (<c>RUNNER_TEMP</c>,
/// <c>Agent.TempDirectory</c>): shared by the jobs that run in that slot one after the other, emptied at the
/// end of each (<see cref="FolderJanitor.EmptyForReuse"/>), removed with the run. Making and removing a temp
/// folder per job cost six directory operations, the most expensive file-system calls a no-op job made.
/// </summary>
internal sealed class RunFolders(string work, string tools)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, string> _temps = [];
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

    /// <summary>The temp folder of run slot <paramref name="slot"/> with the given subfolders, made on its first use.
    /// The slot's holder has it to itself until it gives the slot back.</summary>
    public string TempFor(int slot, IReadOnlyList<string> subfolders)
    {
        string? folder;
        lock (_lock)
        {
            _temps.TryGetValue(slot, out folder);
        }

        if (folder is null)
        {
            // _slot<n>/_temp: named _temp as the agent's and the runner's (a step may look at the name).
            folder = Path.Combine(Work, "_slot" + (slot + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "_temp");
            lock (_lock)
            {
                _temps[slot] = folder;
            }
        }

        // Made again if a step removed them: one failed mkdir and a stat each when they are there.
        if (subfolders.Count == 0)
        {
            Directory.CreateDirectory(folder);
        }

        foreach (var sub in subfolders)
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }

        return folder;
    }

    /// <summary>At the run's end: the slots' temp folders go to the janitor.</summary>
    public void DiscardTemps(FolderJanitor janitor)
    {
        ArgumentNullException.ThrowIfNull(janitor);
        string[] folders;
        lock (_lock)
        {
            folders = [.. _temps.Values];
            _temps.Clear();
        }

        foreach (var folder in folders)
        {
            janitor.Discard(Path.GetDirectoryName(folder)!); // the _slot<n> folder, with its _temp
        }
    }
}
