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

    /// <summary>
    /// The repository's default branch: where <c>origin/HEAD</c> points, else <c>main</c> or <c>master</c> when one exists
    /// (locally or as <c>origin/&lt;branch&gt;</c>). One <c>git for-each-ref</c> answers all of it.
    /// </summary>
    public string? DefaultBranch()
    {
        const string OriginHead = "refs/remotes/origin/HEAD";
        const string Origin = "refs/remotes/origin/";
        string[] arguments = ["for-each-ref", "--format=%(refname)%09%(symref)", OriginHead, .. DefaultBranchNames.SelectMany(b => new[] { "refs/heads/" + b, Origin + b })];
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(arguments))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                refs[line[..tab]] = line[(tab + 1)..];
            }
        }

        if (refs.TryGetValue(OriginHead, out var target) && target.StartsWith(Origin, StringComparison.Ordinal) && target.Length > Origin.Length)
        {
            return target[Origin.Length..];
        }

        // for-each-ref matches a pattern's sub-folders too (refs/heads/main/x): only the exact names count.
        return Array.Find(DefaultBranchNames, b => refs.ContainsKey("refs/heads/" + b) || refs.ContainsKey(Origin + b));
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
