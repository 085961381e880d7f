using Slipway.Core.Execution.Output;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// The file-command files of one step execution (GHA-FILE-1), with the runner's names (<c>set_env_&lt;guid&gt;</c>, ...).
/// Their paths are known at once (the <c>github</c> context shows them); the empty files are made when a process of
/// the step is about to start (<see cref="EnsureCreated"/>), so "Set up job", skipped steps and steps that start no
/// process cost no files. They are read when the step has ended.
/// </summary>
internal sealed class StepFiles
{
    private readonly string _folder;
    private string[]? _paths;
    private int _created;

    private StepFiles(string folder) => _folder = folder;

    public string Env => Paths[(int)GitHubFileCommandKind.Env];

    public string Path => Paths[(int)GitHubFileCommandKind.Path];

    public string Output => Paths[(int)GitHubFileCommandKind.Output];

    public string State => Paths[(int)GitHubFileCommandKind.State];

    public string StepSummary => Paths[(int)GitHubFileCommandKind.StepSummary];

    // Named on first use ("Set up job" and most skipped steps never ask), the same for every caller.
    private string[] Paths
    {
        get
        {
            if (Volatile.Read(ref _paths) is { } known)
            {
                return known;
            }

            // One suffix for the step's files, as the runner names them (set_env_<guid>, add_path_<guid>, ...).
            var suffix = Guid.NewGuid().ToString("D");
            var paths = new string[Kinds.Length];
            foreach (var kind in Kinds)
            {
                paths[(int)kind] = System.IO.Path.Combine(_folder, GitHubFileCommands.Files[kind].FilePrefix + suffix);
            }

            return Interlocked.CompareExchange(ref _paths, paths, null) ?? paths;
        }
    }

    private static readonly GitHubFileCommandKind[] Kinds =
        [GitHubFileCommandKind.Env, GitHubFileCommandKind.Path, GitHubFileCommandKind.Output, GitHubFileCommandKind.State, GitHubFileCommandKind.StepSummary];

    /// <summary>Whether the files were made (else the step wrote none and there is nothing to read).</summary>
    public bool Created => Volatile.Read(ref _created) != 0;

    /// <summary>The files of a new step execution in <paramref name="folder"/> (no file is made yet).</summary>
    public static StepFiles For(string folder) => new(folder);

    /// <summary>Makes the five empty files, once (the folder too when a step deleted it).</summary>
    public void EnsureCreated()
    {
        if (Interlocked.Exchange(ref _created, 1) != 0)
        {
            return;
        }

        try
        {
            TouchAll();
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(_folder); // an earlier step emptied RUNNER_TEMP
            TouchAll();
        }
    }

    /// <summary>Reads a file the step may have deleted or never written: empty then.</summary>
    public static string Read(string path) => Length(path) == 0 ? string.Empty : File.ReadAllText(path);

    // One stat (most steps leave all five files empty; opening them costs an open, fstats, a flock and a close).
    public static long Length(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info.Length : 0;
    }

    private void TouchAll()
    {
        foreach (var path in (ReadOnlySpan<string>)[Env, Path, Output, State, StepSummary])
        {
            NewFiles.Touch(path);
        }
    }
}
