using System.Text.Json.Nodes;
using Slipway.Core.Runtime.GitHub.Triggers;
using Slipway.Core.Tests.Runtime.Checkout;

namespace Slipway.Core.Tests.Runtime.GitHub.Triggers;

/// <summary>The push event built from real git repositories: ref, before/after, changed files, commits[], repository, actor.</summary>
[Collection(GitFixture.Collection)]
public sealed class PushEventTests : IDisposable
{
    private readonly GitFixture _git = new();

    public void Dispose() => _git.Dispose();

    private TriggeringEvent Build(string repo, string? baseRef = null)
    {
        var built = TriggeringEvents.Build(new EventRequest("push", repo) { BaseRef = baseRef }, _git.Git);
        Assert.True(built.IsSuccess, built.Error?.ToString());
        return built.Value;
    }

    [Fact]
    public void Push_RefIsCurrentBranch_ChangedFilesAreTheLastCommit()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"), ("docs/x.md", "x"));
        _git.Run(repo, "checkout", "--quiet", "-b", "feature/login");
        var before = _git.Head(repo);
        GitFixture.Write(repo, ("src/new.cs", "n"), ("a.txt", "2"));
        File.Delete(Path.Combine(repo, "docs", "x.md"));
        var after = _git.Commit(repo, "Add login\n\nLonger body.");

        var e = Build(repo);

        Assert.Equal("refs/heads/feature/login", e.Ref);
        Assert.Equal("feature/login", e.RefName);
        Assert.Equal(after, e.Sha);
        Assert.Equal(["a.txt", "docs/x.md", "src/new.cs"], e.ChangedFiles.Order(StringComparer.Ordinal));
        var p = e.Payload;
        Assert.Equal("refs/heads/feature/login", (string?)p["ref"]);
        Assert.Equal(before, (string?)p["before"]);
        Assert.Equal(after, (string?)p["after"]);
        Assert.False((bool)p["created"]!);
        Assert.False((bool)p["deleted"]!);
        Assert.False((bool)p["forced"]!);
        Assert.Null(p["base_ref"]);
        var commit = Assert.Single(p["commits"]!.AsArray())!;
        Assert.Equal(after, (string?)commit["id"]);
        Assert.Equal("Add login\n\nLonger body.", (string?)commit["message"]);
        Assert.Equal(GitFixture.AuthorName, (string?)commit["author"]!["name"]);
        Assert.Equal(GitFixture.AuthorEmail, (string?)commit["author"]!["email"]);
        Assert.Equal(["src/new.cs"], Strings(commit["added"]));
        Assert.Equal(["docs/x.md"], Strings(commit["removed"]));
        Assert.Equal(["a.txt"], Strings(commit["modified"]));
        Assert.True(DateTimeOffset.TryParse((string?)commit["timestamp"], out _));
        Assert.Equal(after, (string?)p["head_commit"]!["id"]);
    }

    [Fact]
    public void Push_MergeCommit_ComparesWithItsFirstParent_AndListsTheMergedCommits()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        _git.Run(repo, "checkout", "--quiet", "-b", "topic");
        GitFixture.Write(repo, ("topic.txt", "t"));
        var topic = _git.Commit(repo, "On topic");
        _git.Run(repo, "checkout", "--quiet", "-");
        GitFixture.Write(repo, ("main.txt", "m"));
        var before = _git.Commit(repo, "On main");
        _git.Run(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "merge", "--quiet", "--no-ff", "-m", "Merge topic", "topic");
        var after = _git.Head(repo);

        var e = Build(repo);

        // HEAD's own changes are not what a merge pushed: the first parent is compared with HEAD, as without a merge.
        Assert.Equal(before, (string?)e.Payload["before"]);
        Assert.Equal(["topic.txt"], e.ChangedFiles);
        Assert.Equal([topic, after], e.Payload["commits"]!.AsArray().Select(c => (string?)c!["id"]));
    }

    [Fact]
    public void Push_RootCommit_ChangesAllItsFilesAndCreatesTheBranch()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"), ("src/b.cs", "2"));

        var e = Build(repo);

        Assert.Equal(["a.txt", "src/b.cs"], e.ChangedFiles.Order(StringComparer.Ordinal));
        Assert.Equal(PushEvent.NullSha, (string?)e.Payload["before"]);
        Assert.True((bool)e.Payload["created"]!);
        Assert.Equal(["a.txt", "src/b.cs"], Strings(e.Payload["commits"]![0]!["added"]));
    }

    [Fact]
    public void Push_WithBase_ComparesBaseToHead_AndListsEveryCommit()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        var baseSha = _git.Head(repo);
        _git.Run(repo, "tag", "v0");
        GitFixture.Write(repo, ("one.txt", "1"));
        _git.Commit(repo, "one");
        GitFixture.Write(repo, ("two.txt", "2"));
        _git.Commit(repo, "two");

        var e = Build(repo, "v0");

        Assert.Equal(["one.txt", "two.txt"], e.ChangedFiles);
        Assert.Equal(baseSha, (string?)e.Payload["before"]);
        Assert.Equal(["one", "two"], e.Payload["commits"]!.AsArray().Select(c => (string?)c!["message"]));
        Assert.EndsWith($"/compare/{baseSha[..12]}...{e.Sha[..12]}", (string?)e.Payload["compare"], StringComparison.Ordinal);
    }

    [Fact]
    public void Push_DetachedAtTag_IsATagPush_DetachedElsewhereUsesTheSha()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        GitFixture.Write(repo, ("b.txt", "2"));
        var head = _git.Commit(repo, "second");
        _git.Run(repo, "tag", "v1.2");
        _git.Run(repo, "checkout", "--quiet", "--detach", "v1.2");

        var atTag = Build(repo);
        _git.Run(repo, "tag", "-d", "v1.2");
        var detached = Build(repo);

        Assert.Equal("refs/tags/v1.2", atTag.Ref);
        Assert.Equal("tag", atTag.RefType);
        Assert.Equal(head, detached.Ref);
    }

    [Fact]
    public void Push_RepositoryFromGitHubOrigin_ActorFromUserName()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        _git.Run(repo, "remote", "add", "origin", "git@github.com:octo-org/hello-world.git");
        _git.Run(repo, "config", "user.name", "Mona Lisa");
        _git.Run(repo, "config", "user.email", GitFixture.AuthorEmail);

        var e = Build(repo);

        Assert.Equal("octo-org/hello-world", e.Repository);
        Assert.Equal("octo-org", e.RepositoryOwner);
        Assert.Equal("Mona Lisa", e.Actor);
        var repository = e.Payload["repository"]!;
        Assert.Equal("hello-world", (string?)repository["name"]);
        Assert.Equal("octo-org/hello-world", (string?)repository["full_name"]);
        Assert.Equal("octo-org", (string?)repository["owner"]!["login"]);
        Assert.Equal("https://github.com/octo-org/hello-world", (string?)repository["html_url"]);
        Assert.Equal("Mona Lisa", (string?)e.Payload["sender"]!["login"]);
        Assert.Equal("Mona Lisa", (string?)e.Payload["pusher"]!["name"]);
        Assert.Equal("Mona Lisa", (string?)e.Payload["head_commit"]!["author"]!["username"]);
        Assert.Equal($"https://github.com/octo-org/hello-world/commit/{e.Sha}", (string?)e.Payload["head_commit"]!["url"]);
    }

    [Theory]
    [InlineData("https://github.com/octo-org/tools.git", "octo-org/tools")]
    [InlineData("https://github.com/octo-org/tools", "octo-org/tools")]
    [InlineData("ssh://git@github.com/octo-org/tools.git", "octo-org/tools")]
    [InlineData("https://github.com/no-owner", "local/app")]
    public void Push_RepositoryFromHttpsAndSshOrigins(string origin, string expected)
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        _git.Run(repo, "remote", "add", "origin", origin);

        Assert.Equal(expected, Build(repo).Repository);
    }

    [Fact]
    public void Push_WithoutGitHubOrigin_IsLocalFolderName_ActorFallsBackToUser()
    {
        var repo = _git.NewRepo("my-tool", ("a.txt", "1"));
        _git.Run(repo, "remote", "add", "origin", "https://gitlab.example.com/team/my-tool.git");
        var git = _git.Git.With([new("USER", "os-user")]);

        var e = TriggeringEvents.Build(new EventRequest("push", repo), git).Value;

        Assert.Equal("local/my-tool", e.Repository);
        Assert.Equal("os-user", e.Actor);
    }

    private static IEnumerable<string?> Strings(JsonNode? array) => array!.AsArray().Select(n => (string?)n);
}
