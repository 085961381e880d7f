using Slipway.Core.Diagnostics;

namespace Slipway.Core.Runtime.Repositories;

/// <summary>
/// Reads <see cref="GitRepositoryInfo"/> from a local work tree with two git invocations run side by side
/// (<c>git log -1</c> for the commit, its first parent, refs and message; <c>git config</c> for user and origin). A folder outside any
/// repository, a missing git or a repository without commits gives fallbacks and a warning, never an exception.
/// </summary>
internal sealed class RepositoryReader
{
    private const char Separator = '\u001f';
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly string[] LogArguments =
    [
        "-c", "log.showSignature=false", "log", "-1", "--no-color", "--decorate=full",
        "--format=%H%x1f%D%x1f%an%x1f%ae%x1f%P%x1f%B",
    ];

    /// <summary>The log of <see cref="ReadWithHead"/>: the same fields, then after a record separator HEAD's parents,
    /// author date and committer, then its changes against its first parent (all its files for a root commit).</summary>
    private static readonly string[] LogWithHeadArguments =
    [
        "-c", "log.showSignature=false", "-c", "log.showRoot=true", "log", "-1", "--no-color", "--decorate=full", "--no-renames", "--name-status",
        "--format=%H%x1f%D%x1f%an%x1f%ae%x1f%P%x1f%B%x1e%P%x1f%aI%x1f%cn%x1f%ce%x1f",
    ];

    private const char RecordSeparator = '\u001e';

    private static readonly string[] ConfigArguments =
        ["config", "--get-regexp", @"^(user\.name|user\.email|remote\.origin\.url)$"];

    private readonly GitCli _git;

    public RepositoryReader(GitCli git)
    {
        ArgumentNullException.ThrowIfNull(git);
        _git = git;
    }

    /// <summary>Reads the repository containing <paramref name="folder"/>. <paramref name="branch"/> overrides Build.SourceBranch
    /// (<c>main</c> or <c>refs/heads/main</c>).</summary>
    public GitRepositoryInfo Read(string folder, string? branch = null) => Read(folder, branch, withHead: false).Info;

    /// <summary>
    /// <see cref="Read"/>, and from the same <c>git log</c> (no process more) what a push event built from HEAD needs
    /// besides: its parents, dates, committer and changed files. Null details when the folder has no commit to read.
    /// </summary>
    public (GitRepositoryInfo Info, HeadDetails? Head) ReadWithHead(string folder) => Read(folder, null, withHead: true);

    private (GitRepositoryInfo Info, HeadDetails? Head) Read(string folder, string? branch, bool withHead)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var full = Path.GetFullPath(folder);
        if (FindWorkTreeRoot(full) is not { } root)
        {
            return (Fallback(full, null, Warn(RepositoryDiagnosticCodes.NotAGitRepository,
                $"'{full}' is not inside a git repository: Build.SourceVersion and Build.SourceBranch are placeholders and 'checkout: self' copies the folder's files.")), null);
        }

        // The two reads are independent: both processes run at once (each costs a process start).
        var configRead = Task.Run(() => ReadConfig(root));
        var log = _git.Run(root, withHead ? LogWithHeadArguments : LogArguments, Timeout);
        var config = configRead.GetAwaiter().GetResult();
        if (!log.Succeeded)
        {
            var warning = log.StartError is not null
                ? Warn(RepositoryDiagnosticCodes.GitNotFound, log.StartError)
                : log.StandardError.Contains("does not have any commits", StringComparison.Ordinal)
                    ? Warn(RepositoryDiagnosticCodes.NoCommits, $"The repository '{root}' has no commits yet: Build.SourceVersion is empty.")
                    : Warn(RepositoryDiagnosticCodes.GitFailed, $"git log failed in '{root}' ({log.Describe()}).");
            return (Fallback(root, config.GetValueOrDefault("remote.origin.url"), warning) with { IsGitRepository = true, UserName = UserNameOf(config) }, null);
        }

        var output = log.StandardOutput;
        // The head's part is last (its fields hold no separator; a commit message might).
        var separator = withHead ? output.LastIndexOf(RecordSeparator) : -1;
        var info = FromLog(root, separator < 0 ? output : output[..separator], config, branch);
        return (info, separator < 0 ? null : HeadDetails.Parse(output[(separator + 1)..]));
    }

    /// <summary>The commit <paramref name="reference"/> names in a local repository (see <see cref="RefCandidates"/>); null when none.</summary>
    public string? ResolveCommit(string repositoryRoot, string? reference)
    {
        foreach (var candidate in RefCandidates(reference))
        {
            var result = _git.Run(repositoryRoot, RevParse(candidate), Timeout);
            if (result.Succeeded)
            {
                return result.StandardOutput.Trim();
            }
        }

        return null;
    }

    /// <summary>What to try for a resource's <c>ref</c>: the ref as written (<c>main</c>, <c>refs/heads/main</c>,
    /// <c>refs/tags/v1</c>, a SHA; HEAD when empty), then <c>refs/remotes/origin/&lt;branch&gt;</c> for a branch
    /// that exists only as a remote-tracking branch in the local clone.</summary>
    public static IReadOnlyList<string> RefCandidates(string? reference)
    {
        var wanted = string.IsNullOrWhiteSpace(reference) ? "HEAD" : reference.Trim();
        var branch = wanted.StartsWith("refs/heads/", StringComparison.Ordinal) ? wanted["refs/heads/".Length..]
            : wanted.StartsWith("refs/", StringComparison.Ordinal) || wanted == "HEAD" ? null : wanted;
        return branch is null ? [wanted] : [wanted, "refs/remotes/origin/" + branch];
    }

    /// <summary><c>git rev-parse</c> arguments that print the commit a name points at, or fail.</summary>
    public static string[] RevParse(string name) => ["rev-parse", "--verify", "--quiet", "--end-of-options", name + "^{commit}"];

    /// <summary>The nearest folder at or above <paramref name="folder"/> that holds a <c>.git</c> folder or file.</summary>
    public static string? FindWorkTreeRoot(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var marker = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(marker) || File.Exists(marker))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static GitRepositoryInfo FromLog(string root, string output, Dictionary<string, string> config, string? branchOverride)
    {
        var parts = output.Split(Separator, 6);
        var sha = parts[0].Trim();
        var refs = RefDecoration.Parse(parts.Length > 1 ? parts[1] : string.Empty);
        var author = parts.Length > 2 ? parts[2] : string.Empty;
        var email = parts.Length > 3 ? parts[3] : string.Empty;
        var parent = parts.Length > 4 && parts[4].Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : null;
        var message = parts.Length > 5 ? parts[5].TrimEnd('\n') : string.Empty;
        var (name, provider, id, uri) = RepositoryNaming.FromRemote(config.GetValueOrDefault("remote.origin.url"), root);

        var warnings = new List<Diagnostic>();
        var branch = NormaliseBranch(branchOverride) ?? refs.Branch ?? (refs.Tag is { } tag ? "refs/tags/" + tag : null);
        if (branch is null)
        {
            branch = GitRepositoryInfo.DetachedBranch;
            warnings.Add(Warn(RepositoryDiagnosticCodes.DetachedHead,
                $"HEAD is detached and no tag points at it: Build.SourceBranch is '{GitRepositoryInfo.DetachedBranch}'."));
        }

        return new GitRepositoryInfo
        {
            Root = root,
            IsGitRepository = true,
            Name = name,
            Provider = provider,
            Id = id,
            Uri = uri,
            SourceVersion = sha,
            ParentVersion = parent,
            SourceBranch = branch,
            Tag = refs.Tag,
            IsDetached = refs.Branch is null,
            CommitMessage = message,
            AuthorName = author,
            AuthorEmail = email,
            UserName = UserNameOf(config),
            RequestedFor = config.GetValueOrDefault("user.name") is { Length: > 0 } user ? user : author,
            RequestedForEmail = config.GetValueOrDefault("user.email") is { Length: > 0 } mail ? mail : email,
            Warnings = warnings,
        };
    }

    private static string? UserNameOf(Dictionary<string, string> config) =>
        config.GetValueOrDefault("user.name") is { Length: > 0 } user ? user : null;

    private Dictionary<string, string> ReadConfig(string root)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var result = _git.Run(root, ConfigArguments, Timeout);
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                values[line[..space]] = line[(space + 1)..]; // later scopes (local) override earlier ones (global)
            }
        }

        return values;
    }

    /// <summary>A branch name as Azure writes refs: <c>main</c> → <c>refs/heads/main</c>; a full <c>refs/...</c> name is kept.</summary>
    internal static string? NormaliseBranch(string? branch) =>
        string.IsNullOrWhiteSpace(branch) ? null
        : branch.StartsWith("refs/", StringComparison.Ordinal) ? branch.Trim()
        : "refs/heads/" + branch.Trim();

    private static GitRepositoryInfo Fallback(string root, string? remote, Diagnostic warning)
    {
        var (name, provider, id, uri) = RepositoryNaming.FromRemote(remote, root);
        return new GitRepositoryInfo
        {
            Root = root,
            IsGitRepository = false,
            Name = name,
            Provider = provider,
            Id = id,
            Uri = uri,
            Warnings = [warning],
        };
    }

    private static Diagnostic Warn(string code, string message) => Diagnostic.Warning(code, message, SourceLocation.None);
}
