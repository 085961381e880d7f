using System.Text.Json.Nodes;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>
/// A <c>push</c> of the current branch (or tag, when HEAD is detached at one): <c>before</c> is <c>--base</c> or
/// HEAD's parent (none for a root commit: the branch was created), the changed files and <c>commits[]</c> are
/// what lies between <c>before</c> and HEAD (GitHub's two-dot diff).
/// </summary>
internal static class PushEvent
{
    public const string NullSha = "0000000000000000000000000000000000000000";

    /// <summary>GitHub's push payload lists at most this many commits.</summary>
    private const int MaxCommits = 2048;

    public static TriggeringEvent Build(EventRepository repo, EventGit git, string? baseSha)
    {
        var info = repo.Info;
        var after = info.SourceVersion;
        var before = baseSha ?? info.ParentVersion; // read with HEAD (RepositoryReader)
        IReadOnlyList<GitCommit> commits;
        IReadOnlyList<string> changed;
        if (baseSha is null && repo.Head is { } head)
        {
            // From HEAD's parent (or a root commit): HEAD alone, its changes read with the repository.
            commits = [head];
            changed = [.. head.Added.Concat(head.Removed).Concat(head.Modified).Order(StringComparer.Ordinal)]; // in git's order
        }
        else
        {
            // Two independent git processes: run them side by side.
            var changedRead = Task.Run(() => before is null ? git.FilesOfRootCommit(after) : git.ChangedBetween(before, after));
            commits = git.Commits(before, after, MaxCommits);
            changed = changedRead.GetAwaiter().GetResult();
        }

        var reference = CurrentRef(info);
        var userEmail = info.RequestedForEmail;

        var payload = new JsonObject
        {
            ["ref"] = reference,
            ["before"] = before ?? NullSha,
            ["after"] = after,
            ["created"] = before is null,
            ["deleted"] = false,
            ["forced"] = false,
            ["base_ref"] = null,
            ["compare"] = before is null ? $"{repo.HtmlUrl}/commit/{after[..Math.Min(12, after.Length)]}" : $"{repo.HtmlUrl}/compare/{Short(before)}...{Short(after)}",
            ["commits"] = new JsonArray(commits.Select(c => (JsonNode)Commit(repo, c, userEmail)).ToArray()),
            ["head_commit"] = commits.Count == 0 ? null : Commit(repo, commits[^1], userEmail),
            ["repository"] = repo.Repository(),
            ["pusher"] = new JsonObject { ["name"] = repo.Actor, ["email"] = userEmail },
            ["sender"] = repo.Sender(),
        };

        return new TriggeringEvent
        {
            Name = EventNames.Push,
            Payload = payload,
            Ref = reference,
            Sha = after,
            Actor = repo.Actor,
            Repository = repo.FullName,
            ChangedFiles = changed,
        };
    }

    /// <summary><c>refs/heads/&lt;branch&gt;</c>; <c>refs/tags/&lt;tag&gt;</c> when HEAD is detached at a tag; the commit id when detached elsewhere.</summary>
    public static string CurrentRef(Repositories.GitRepositoryInfo info) =>
        !info.IsDetached ? info.SourceBranch
        : info.Tag is { } tag ? "refs/tags/" + tag
        : info.SourceVersion;

    public static JsonObject Commit(EventRepository repo, GitCommit commit, string userEmail)
    {
        var author = Person(repo, commit.AuthorName, commit.AuthorEmail, userEmail);

        return new JsonObject
        {
            ["id"] = commit.Id,
            ["distinct"] = true,
            ["message"] = commit.Message,
            ["timestamp"] = commit.Timestamp,
            ["url"] = repo.CommitUrl(commit.Id),
            ["author"] = author,
            ["committer"] = Person(repo, commit.CommitterName, commit.CommitterEmail, userEmail),
            ["added"] = Strings(commit.Added),
            ["removed"] = Strings(commit.Removed),
            ["modified"] = Strings(commit.Modified),
        };
    }

    /// <summary>A commit's author or committer; <c>username</c> only when it is the local user (GitHub omits it for emails it does not know).</summary>
    private static JsonObject Person(EventRepository repo, string name, string email, string userEmail)
    {
        var person = new JsonObject { ["name"] = name, ["email"] = email };
        if (userEmail.Length > 0 && string.Equals(email, userEmail, StringComparison.OrdinalIgnoreCase))
        {
            person["username"] = repo.Actor;
        }

        return person;
    }

    private static JsonArray Strings(IReadOnlyList<string> items) => new(items.Select(i => (JsonNode)JsonValue.Create(i)).ToArray());

    private static string Short(string sha) => sha[..Math.Min(12, sha.Length)];
}
