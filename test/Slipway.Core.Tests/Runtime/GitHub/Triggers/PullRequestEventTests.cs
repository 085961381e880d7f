using Slipway.Core.Runtime.GitHub.Triggers;
using Slipway.Core.Tests.Runtime.Checkout;

namespace Slipway.Core.Tests.Runtime.GitHub.Triggers;

/// <summary>pull_request / pull_request_target built from a real repository: base, head, merge-base diff, refs/pull/n/merge.</summary>
[Collection(GitFixture.Collection)]
public sealed class PullRequestEventTests : IDisposable
{
    private readonly GitFixture _git = new();

    public void Dispose() => _git.Dispose();

    /// <summary>main with a.txt; feature branch adds src/f.cs; main moves on with main-only.txt (not part of the PR).</summary>
    private (string Repo, string MainSha, string HeadSha) FeatureRepo()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        _git.Run(repo, "checkout", "--quiet", "-b", "feature/x");
        GitFixture.Write(repo, ("src/f.cs", "f"));
        var head = _git.Commit(repo, "Add feature X\n\nIt does things.");
        _git.Run(repo, "checkout", "--quiet", "main");
        GitFixture.Write(repo, ("main-only.txt", "m"));
        var main = _git.Commit(repo, "main moves on");
        _git.Run(repo, "checkout", "--quiet", "feature/x");
        return (repo, main, head);
    }

    [Fact]
    public void PullRequest_FromCurrentBranchIntoDefaultBranch()
    {
        var (repo, mainSha, headSha) = FeatureRepo();

        var built = TriggeringEvents.Build(new EventRequest("pull_request", repo), _git.Git);

        Assert.True(built.IsSuccess, built.Error?.ToString());
        var e = built.Value;
        Assert.Equal("refs/pull/1/merge", e.Ref);
        Assert.Equal("1/merge", e.RefName);
        Assert.Equal("main", e.BaseRef);
        Assert.Equal("feature/x", e.HeadRef);
        Assert.Equal(["src/f.cs"], e.ChangedFiles); // three-dot diff: main-only.txt is not in the PR
        var p = e.Payload;
        Assert.Equal("opened", (string?)p["action"]);
        Assert.Equal(1L, (long)p["number"]!);
        var pr = p["pull_request"]!;
        Assert.Equal(1L, (long)pr["number"]!);
        Assert.Equal("Add feature X", (string?)pr["title"]);
        Assert.Equal("It does things.", (string?)pr["body"]);
        Assert.False((bool)pr["draft"]!);
        Assert.False((bool)pr["merged"]!);
        Assert.Empty(pr["labels"]!.AsArray());
        Assert.Equal("feature/x", (string?)pr["head"]!["ref"]);
        Assert.Equal(headSha, (string?)pr["head"]!["sha"]);
        Assert.Equal("main", (string?)pr["base"]!["ref"]);
        Assert.Equal(mainSha, (string?)pr["base"]!["sha"]);
        Assert.Equal("local/app", (string?)pr["base"]!["repo"]!["full_name"]);
    }

    [Fact]
    public void PullRequestTarget_WithBase_AndNumberFromPayload()
    {
        var (repo, _, _) = FeatureRepo();
        _git.Run(repo, "branch", "release", "main~1");
        var payload = Path.Combine(_git.Root, "pr.json");
        File.WriteAllText(payload, """{ "number": 42, "action": "synchronize", "pull_request": { "draft": true, "labels": [ { "name": "bug" } ] } }""");

        var built = TriggeringEvents.Build(new EventRequest("pull_request_target", repo) { BaseRef = "release", PayloadFile = payload }, _git.Git);

        Assert.True(built.IsSuccess, built.Error?.ToString());
        var e = built.Value;
        Assert.Equal("pull_request_target", e.Name);
        Assert.Equal("refs/pull/42/merge", e.Ref);
        Assert.Equal("release", e.BaseRef);
        Assert.Equal(["src/f.cs"], e.ChangedFiles);
        var pr = e.Payload["pull_request"]!;
        Assert.Equal(42L, (long)pr["number"]!);
        Assert.Equal("synchronize", (string?)e.Payload["action"]);
        Assert.True((bool)pr["draft"]!);
        Assert.Equal("bug", (string?)pr["labels"]![0]!["name"]);
        Assert.Equal("Add feature X", (string?)pr["title"]); // kept from git: the file only adds to it
    }

    [Fact]
    public void PullRequest_DefaultBranchFromOriginHead()
    {
        var (repo, _, _) = FeatureRepo();
        _git.Run(repo, "branch", "trunk", "main");
        _git.Run(repo, "update-ref", "refs/remotes/origin/trunk", "trunk");
        _git.Run(repo, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk");

        var e = TriggeringEvents.Build(new EventRequest("pull_request", repo), _git.Git).Value;

        Assert.Equal("trunk", e.BaseRef);
        Assert.Equal("trunk", (string?)e.Payload["repository"]!["default_branch"]);
    }

    [Fact]
    public void PullRequest_WithoutAnyBaseBranch_IsAnError()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        _git.Run(repo, "branch", "-m", "main", "develop");

        var built = TriggeringEvents.Build(new EventRequest("pull_request", repo), _git.Git);

        Assert.False(built.IsSuccess);
        Assert.Equal(TriggerDiagnosticCodes.NoBaseBranch, built.Error.Code);
        Assert.StartsWith("The pull_request event needs a base branch: pass --base REF", built.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PullRequest_ABranchUnderMainIsNotTheDefaultBranch()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        _git.Run(repo, "branch", "-m", "main", "main/next"); // refs/heads/main/next: "main" is only a folder of refs

        var built = TriggeringEvents.Build(new EventRequest("pull_request", repo), _git.Git);

        Assert.False(built.IsSuccess);
        Assert.Equal(TriggerDiagnosticCodes.NoBaseBranch, built.Error.Code);
    }
}
