using Slipway.Core.Execution.Output;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// The file-command files of one step execution (GHA-FILE-1), with the runner's names (<c>set_env_&lt;guid&gt;</c>, ...).
/// Their paths are known at once (the <c>github</c> context shows them); the empty files are made when a process of
/// the step is about to start (<see cref="EnsureCreated"/>), so "Set up job", skipped steps and steps that start no
/// process cost no files. They are read when the step has ended. In a run slot the set may be one an earlier job
/// left (<see cref="SlotTempFiles"/>): its files are then checked instead of made.
/// </summary>
internal sealed class StepFiles
{
    private readonly JobFileCommands _source;
    private readonly Lock _taking = new();
    private string[]? _paths;
    private bool _reused;
    private int _created;
    private int _read; // 0: not read yet, 1: read and all empty, 2: the step wrote to one

    private StepFiles(JobFileCommands source) => _source = source;

    public string Env => Paths[(int)GitHubFileCommandKind.Env];

    public string Path => Paths[(int)GitHubFileCommandKind.Path];

    public string Output => Paths[(int)GitHubFileCommandKind.Output];

    public string State => Paths[(int)GitHubFileCommandKind.State];

    public string StepSummary => Paths[(int)GitHubFileCommandKind.StepSummary];

    // Taken on first use ("Set up job" and most skipped steps never ask), the same for every caller.
    private string[] Paths
    {
        get
        {
            if (Volatile.Read(ref _paths) is { } known)
            {
                return known;
            }

            lock (_taking)
            {
                if (_paths is null)
                {
                    var paths = _source.Take(this, out var reused);
                    _reused = reused;
                    Volatile.Write(ref _paths, paths);
                }

                return _paths;
            }
        }
    }

    private static readonly GitHubFileCommandKind[] Kinds =
        [GitHubFileCommandKind.Env, GitHubFileCommandKind.Path, GitHubFileCommandKind.Output, GitHubFileCommandKind.State, GitHubFileCommandKind.StepSummary];

    /// <summary>Whether the files were made (else the step wrote none and there is nothing to read).</summary>
    public bool Created => Volatile.Read(ref _created) != 0;

    /// <summary>The files of a new step execution, from <paramref name="source"/> (no file is made yet).</summary>
    public static StepFiles For(JobFileCommands source) => new(source);

    /// <summary>Five new paths in <paramref name="folder"/>: one suffix for the step's files, as the runner names them.</summary>
    public static string[] NewNames(string folder)
    {
        var suffix = Guid.NewGuid().ToString("D");
        var paths = new string[Kinds.Length];
        foreach (var kind in Kinds)
        {
            paths[(int)kind] = System.IO.Path.Combine(folder, GitHubFileCommands.Files[kind].FilePrefix + suffix);
        }

        return paths;
    }

    /// <summary>Makes the five empty files, once (the folder too when a step deleted it); a kept set's files are checked.</summary>
    public void EnsureCreated()
    {
        if (Interlocked.Exchange(ref _created, 1) != 0)
        {
            return;
        }

        var paths = Paths;
        try
        {
            Prepare(paths);
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(_source.Folder); // an earlier step emptied RUNNER_TEMP
            Prepare(paths);
        }
    }

    /// <summary>Reads a file the step may have deleted or never written: empty then.</summary>
    public static string Read(string path) => Length(path) == 0 ? string.Empty : File.ReadAllText(path);

    /// <summary>Reads one of this step's files once the step has ended, noting whether the step wrote to it.</summary>
    public string ReadWritten(string path)
    {
        var text = Read(path);
        _ = Interlocked.CompareExchange(ref _read, 1, 0);
        if (text.Length > 0)
        {
            NoteWritten();
        }

        return text;
    }

    /// <summary>The step wrote to one of its files (found without reading it).</summary>
    public void NoteWritten() => Volatile.Write(ref _read, 2);

    /// <summary>Whether the set can go to a later job as it is: no process of the step started (nothing made or
    /// written), or its files were read at the step's end and all were empty. A set the step wrote to is not reused,
    /// so nothing one job wrote there (an output, an environment value) is ever in a later job's temp folder.</summary>
    public bool IsClean => Volatile.Read(ref _created) == 0 || Volatile.Read(ref _read) == 1;

    // One stat (most steps leave all five files empty; opening them costs an open, fstats, a flock and a close).
    public static long Length(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info.Length : 0;
    }

    /// <summary>Whether <paramref name="path"/> is still the plain file of that length and write time (one lstat).</summary>
    public static bool Unchanged(string path, long length, DateTime written)
    {
        var info = new FileInfo(path);
        return IsPlainFile(info) && info.Length == length && info.LastWriteTimeUtc == written;
    }

    private static bool IsEmptyPlainFile(FileInfo info) => IsPlainFile(info) && info.Length == 0;

    private static bool IsPlainFile(FileInfo info) => info.Exists && (info.Attributes & FileAttributes.ReparsePoint) == 0;

    private void Prepare(string[] paths)
    {
        foreach (var path in paths)
        {
            if (_reused && IsEmptyPlainFile(new FileInfo(path)))
            {
                continue; // an empty plain file from an earlier job: as good as new
            }

            if (_reused)
            {
                File.Delete(path); // written to, replaced or removed since: made anew, never truncated (see NewFiles)
            }

            NewFiles.Touch(path);
        }
    }
}
