using Slipway.Core.Execution.Output;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// The file-command files of one step execution (GHA-FILE-1): created empty before the step, with the
/// runner's names (<c>set_env_&lt;guid&gt;</c>, ...), and read when the step has ended.
/// </summary>
internal sealed record StepFiles(string Env, string Path, string Output, string State, string StepSummary)
{
    public static StepFiles Create(string folder)
    {
        Directory.CreateDirectory(folder);
        // One suffix for the step's files, as the runner names them (set_env_<guid>, add_path_<guid>, ...).
        var suffix = Guid.NewGuid().ToString("D");
        string Make(GitHubFileCommandKind kind)
        {
            var path = System.IO.Path.Combine(folder, GitHubFileCommands.Files[kind].FilePrefix + suffix);
            NewFiles.Touch(path);
            return path;
        }

        return new StepFiles(
            Make(GitHubFileCommandKind.Env),
            Make(GitHubFileCommandKind.Path),
            Make(GitHubFileCommandKind.Output),
            Make(GitHubFileCommandKind.State),
            Make(GitHubFileCommandKind.StepSummary));
    }

    /// <summary>Reads a file the step may have deleted or never written: empty then.</summary>
    public static string Read(string path) => Length(path) == 0 ? string.Empty : File.ReadAllText(path);

    // One stat (most steps leave all five files empty; opening them costs an open, fstats, a flock and a close).
    public static long Length(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info.Length : 0;
    }
}
