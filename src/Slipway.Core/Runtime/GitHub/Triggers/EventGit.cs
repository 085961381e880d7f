using Slipway.Core.Runtime.Repositories;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>
/// The git questions an event is built from, asked of one local repository: commits to compare, the files
/// they changed, the commits between them, the default branch. Failures are null or empty results;
/// the caller words the diagnostic.
/// </summary>
internal sealed class EventGit(GitCli git, string root)
{
    public const char RecordSeparator = '\u001e';
    public const char FieldSeparator = '\u001f';

    /// <summary><c>git log</c> format: id, author name, email, ISO date, committer name, email, message, then the <c>--name-status</c> lines.</summary>
    public const string LogFormat = "--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%cn%x1f%ce%x1f%B%x1f";

    private static readonly string[] DefaultBranchNames = ["main", "master"];

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public string Root { get; } = root;

    /// <summary>The commit <paramref name="reference"/> names (also <c>origin/&lt;branch&gt;</c> for a branch only fetched), or null.</summary>
    public string? Resolve(string reference) => new RepositoryReader(git).ResolveCommit(Root, reference);

    /// <summary>HEAD's first parent, or null for a root commit.</summary>
    public string? Parent(string sha) => Value("rev-parse", "--verify", "--quiet", "--end-of-options", sha + "~1^{commit}");

    public string? MergeBase(string a, string b) => Value("merge-base", a, b);

    /// <summary>The files changed between two commits (<c>git diff --name-only a b</c>).</summary>
    public IReadOnlyList<string> ChangedBetween(string from, string to) => Lines("diff", "--name-only", "--no-renames", from, to);

    /// <summary>Every file of a root commit.</summary>
    public IReadOnlyList<string> FilesOfRootCommit(string sha) =>
        Lines("diff-tree", "--root", "-r", "--name-only", "--no-commit-id", "--no-renames", sha);

    /// <summary>The commits reachable from <paramref name="to"/> but not <paramref name="from"/> (all of them when null), oldest first.</summary>
    public IReadOnlyList<GitCommit> Commits(string? from, string to, int max)
    {
        var range = from is null ? to : $"{from}..{to}";
        var result = Run("-c", "log.showSignature=false", "log", "--no-color", "--no-renames", "--reverse", "--name-status", LogFormat, range);
        var commits = result is null ? [] : GitCommit.ParseLog(result);
        return commits.Count <= max ? commits : commits.Skip(commits.Count - max).ToList();
    }

    /// <summary>The repository's default branch: <c>origin/HEAD</c>, else <c>main</c> or <c>master</c> when one exists.</summary>
    public string? DefaultBranch()
    {
        if (Value("symbolic-ref", "--quiet", "refs/remotes/origin/HEAD") is { } originHead && originHead.StartsWith("refs/remotes/origin/", StringComparison.Ordinal))
        {
            return originHead["refs/remotes/origin/".Length..];
        }

        return Array.Find(DefaultBranchNames, b => Resolve(b) is not null);
    }

    private string? Value(params string[] arguments) => Run(arguments)?.Trim() is { Length: > 0 } value ? value : null;

    private List<string> Lines(params string[] arguments) =>
        Run(arguments)?.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList() ?? [];

    private string? Run(params string[] arguments)
    {
        var result = git.Run(Root, ["-c", "core.quotepath=false", .. arguments], Timeout);
        return result.Succeeded ? result.StandardOutput : null;
    }
}
