using System.Text.Json.Nodes;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>
/// A <c>pull_request</c> / <c>pull_request_target</c> from the current branch (head) into the base branch:
/// the changed files are GitHub's three-dot diff (from the merge base to HEAD), the title and body come from
/// HEAD's commit message, the ref is <c>refs/pull/&lt;number&gt;/merge</c>.
/// </summary>
internal static class PullRequestEvent
{
    /// <summary>The number when the payload file gives none.</summary>
    public const int DefaultNumber = 1;

    public static TriggeringEvent Build(string name, EventRepository repo, EventGit git, string baseBranch, string baseSha, long number)
    {
        var info = repo.Info;
        var headSha = info.SourceVersion;
        var headBranch = info.IsDetached ? headSha : info.SourceBranch["refs/heads/".Length..];
        var mergeBase = git.MergeBase(baseSha, headSha) ?? baseSha;
        var changed = git.ChangedBetween(mergeBase, headSha);
        var commits = git.Commits(mergeBase, headSha, int.MaxValue);
        var (title, body) = TitleAndBody(info.CommitMessage);
        var user = EventRepository.User(repo.Actor);

        var pullRequest = new JsonObject
        {
            ["url"] = $"https://api.github.com/repos/{repo.FullName}/pulls/{number}",
            ["html_url"] = $"{repo.HtmlUrl}/pull/{number}",
            ["number"] = number,
            ["state"] = "open",
            ["locked"] = false,
            ["title"] = title,
            ["body"] = body,
            ["user"] = user,
            ["draft"] = false,
            ["merged"] = false,
            ["merge_commit_sha"] = null,
            ["labels"] = new JsonArray(),
            ["head"] = Side(repo, headBranch, headSha),
            ["base"] = Side(repo, baseBranch, baseSha),
            ["commits"] = commits.Count,
            ["changed_files"] = changed.Count,
        };

        var payload = new JsonObject
        {
            ["action"] = "opened",
            ["number"] = number,
            ["pull_request"] = pullRequest,
            ["repository"] = repo.Repository(),
            ["sender"] = repo.Sender(),
        };

        return new TriggeringEvent
        {
            Name = name,
            Payload = payload,
            Ref = MergeRef(number),
            Sha = headSha,
            BaseRef = baseBranch,
            HeadRef = headBranch,
            Actor = repo.Actor,
            Repository = repo.FullName,
            ChangedFiles = changed,
        };
    }

    public static string MergeRef(long number) => $"refs/pull/{number}/merge";

    private static JsonObject Side(EventRepository repo, string branch, string sha) => new()
    {
        ["label"] = $"{repo.Owner}:{branch}",
        ["ref"] = branch,
        ["sha"] = sha,
        ["user"] = EventRepository.User(repo.Owner),
        ["repo"] = repo.Repository(),
    };

    private static (string Title, string Body) TitleAndBody(string message)
    {
        var parts = message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', 2);
        return (parts[0].Trim(), parts.Length > 1 ? parts[1].Trim() : string.Empty);
    }
}
