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
        string Make(GitHubFileCommandKind kind)
        {
            var path = System.IO.Path.Combine(folder, GitHubFileCommands.Files[kind].FilePrefix + Guid.NewGuid().ToString("D"));
            NewFiles.Open(path, FileShare.ReadWrite).Dispose();
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
    public static string Read(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;

    public static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
