using System.Text.Json.Nodes;
using Slipway.Core.Pipelines.GitHub;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Runtime.GitHub.Triggers;

namespace Slipway.Core.Tests.Runtime.GitHub.Triggers;

/// <summary>GHA-WF-2..4: which workflows an event triggers, and the reason given when it does not.</summary>
public sealed class WorkflowTriggersTests
{
    private const string Jobs = "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n";

    internal static Workflow Workflow(string on)
    {
        var result = WorkflowReader.ReadText(on + Jobs, "ci.yml");
        Assert.Empty(result.Errors);
        return result.Workflow!;
    }

    internal static TriggeringEvent Push(string reference, params string[] changed) => new()
    {
        Name = "push",
        Payload = [],
        Ref = reference,
        Sha = "0123456789abcdef0123456789abcdef01234567",
        Actor = "mona",
        Repository = "octo/repo",
        ChangedFiles = changed,
    };

    private static TriggeringEvent PullRequest(string baseBranch, string action = "opened", params string[] changed) => new()
    {
        Name = "pull_request",
        Payload = new JsonObject { ["action"] = action },
        Ref = "refs/pull/1/merge",
        Sha = "0123456789abcdef0123456789abcdef01234567",
        BaseRef = baseBranch,
        HeadRef = "feature",
        Actor = "mona",
        Repository = "octo/repo",
        ChangedFiles = changed,
    };

    [Fact]
    public void GHA_WF_2_EventNotInOn_NamesTheDeclaredEvents()
    {
        var match = WorkflowTriggers.Match(Workflow("on: [pull_request, workflow_dispatch]\n"), Push("refs/heads/main", "a.txt"));

        Assert.False(match.Triggered);
        Assert.Equal("event 'push' is not in on: [pull_request, workflow_dispatch]", match.Reason);
    }

    [Theory]
    [InlineData("on: push\n")]
    [InlineData("on: [push]\n")]
    [InlineData("on:\n  push:\n")]
    public void GHA_WF_2_EventWithoutFilters_Triggers(string on)
    {
        var match = WorkflowTriggers.Match(Workflow(on), Push("refs/heads/anything", "a.txt"));

        Assert.True(match.Triggered, match.Reason);
        Assert.Equal("event 'push' is in on:", match.Reason);
    }

    [Fact]
    public void GHA_WF_3_BranchFilter_ExcludesOtherBranches()
    {
        var match = WorkflowTriggers.Match(Workflow("on:\n  push:\n    branches: ['release/**']\n"), Push("refs/heads/main"));

        Assert.False(match.Triggered);
        Assert.Equal("push to branch 'main' does not match branches ['release/**']", match.Reason);
    }

    [Fact]
    public void GHA_WF_3_BranchFilter_MatchesShortName()
    {
        var match = WorkflowTriggers.Match(Workflow("on:\n  push:\n    branches: [main, 'release/**']\n"), Push("refs/heads/release/v1/rc"));

        Assert.True(match.Triggered);
        Assert.Equal("push to branch 'release/v1/rc' matches branches ['main', 'release/**']", match.Reason);
    }

    [Fact]
    public void GHA_WF_3_BranchesIgnore_ExcludesMatchingBranch()
    {
        var workflow = Workflow("on:\n  push:\n    branches-ignore: ['dependabot/**']\n");

        var ignored = WorkflowTriggers.Match(workflow, Push("refs/heads/dependabot/npm/x"));
        var kept = WorkflowTriggers.Match(workflow, Push("refs/heads/main"));

        Assert.False(ignored.Triggered);
        Assert.Equal("push to branch 'dependabot/npm/x' is ignored by branches-ignore ['dependabot/**']", ignored.Reason);
        Assert.True(kept.Triggered);
    }

    [Fact]
    public void GHA_WF_3_NegatedBranchPattern_LastMatchWins()
    {
        var workflow = Workflow("on:\n  push:\n    branches: ['releases/**', '!releases/**-alpha']\n");

        Assert.True(WorkflowTriggers.Match(workflow, Push("refs/heads/releases/10")).Triggered);
        Assert.False(WorkflowTriggers.Match(workflow, Push("refs/heads/releases/10-alpha")).Triggered);
    }

    [Fact]
    public void GHA_WF_4_OnlyBranchFilters_TagPushDoesNotTrigger()
    {
        var match = WorkflowTriggers.Match(Workflow("on:\n  push:\n    branches: [main]\n"), Push("refs/tags/v1.0"));

        Assert.False(match.Triggered);
        Assert.Equal("push of tag 'v1.0' does not trigger: on.push has only branch filters (branches ['main'])", match.Reason);
    }

    [Fact]
    public void GHA_WF_4_OnlyTagFilters_BranchPushDoesNotTrigger()
    {
        var match = WorkflowTriggers.Match(Workflow("on:\n  push:\n    tags: ['v*']\n"), Push("refs/heads/main", "a.txt"));

        Assert.False(match.Triggered);
        Assert.Equal("push of branch 'main' does not trigger: on.push has only tag filters (tags ['v*'])", match.Reason);
    }

    [Fact]
    public void GHA_WF_4_TagFilter_MatchesTag()
    {
        var match = WorkflowTriggers.Match(Workflow("on:\n  push:\n    tags: ['v[12].*']\n"), Push("refs/tags/v2.3"));

        Assert.True(match.Triggered);
        Assert.Equal("push to tag 'v2.3' matches tags ['v[12].*']", match.Reason);
    }

    [Fact]
    public void GHA_WF_4_PathFiltersAreNotEvaluatedForTags()
    {
        var match = WorkflowTriggers.Match(Workflow("on:\n  push:\n    tags: ['v*']\n    paths: ['src/**']\n"), Push("refs/tags/v1"));

        Assert.True(match.Triggered, match.Reason);
    }

    [Fact]
    public void GHA_WF_3_Paths_NoChangedFileMatches()
    {
        var match = WorkflowTriggers.Match(Workflow("on:\n  push:\n    paths: ['src/**']\n"), Push("refs/heads/main", "README.md", "docs/a.md"));

        Assert.False(match.Triggered);
        Assert.Equal("none of the changed files ['README.md', 'docs/a.md'] match paths ['src/**']", match.Reason);
    }

    [Fact]
    public void GHA_WF_3_Paths_OneChangedFileMatches()
    {
        var match = WorkflowTriggers.Match(Workflow("on:\n  push:\n    paths: ['src/**']\n"), Push("refs/heads/main", "README.md", "src/app.cs"));

        Assert.True(match.Triggered);
        Assert.Equal("changed file 'src/app.cs' matches paths ['src/**']", match.Reason);
    }

    [Fact]
    public void GHA_WF_3_PathsIgnore_AllChangedFilesIgnored()
    {
        var workflow = Workflow("on:\n  push:\n    paths-ignore: ['docs/**', '**.md']\n");

        var ignored = WorkflowTriggers.Match(workflow, Push("refs/heads/main", "README.md", "docs/x.txt"));
        var kept = WorkflowTriggers.Match(workflow, Push("refs/heads/main", "README.md", "src/app.cs"));

        Assert.False(ignored.Triggered);
        Assert.Equal("the changed files ['README.md', 'docs/x.txt'] are all ignored by paths-ignore ['docs/**', '**.md']", ignored.Reason);
        Assert.True(kept.Triggered);
        Assert.Equal("changed file 'src/app.cs' is not ignored by paths-ignore ['docs/**', '**.md']", kept.Reason);
    }

    [Fact]
    public void GHA_WF_3_Paths_NoChangedFiles_DoesNotTrigger()
    {
        var match = WorkflowTriggers.Match(Workflow("on:\n  push:\n    paths: ['**']\n"), Push("refs/heads/main"));

        Assert.False(match.Triggered);
        Assert.Equal("no files changed, so paths ['**'] cannot match", match.Reason);
    }

    [Fact]
    public void GHA_WF_3_BranchAndPathFilters_BothMustPass()
    {
        var workflow = Workflow("on:\n  push:\n    branches: [main]\n    paths: ['src/**']\n");

        var both = WorkflowTriggers.Match(workflow, Push("refs/heads/main", "src/a.cs"));
        var pathOnly = WorkflowTriggers.Match(workflow, Push("refs/heads/dev", "src/a.cs"));

        Assert.True(both.Triggered);
        Assert.Equal("push to branch 'main' matches branches ['main']; changed file 'src/a.cs' matches paths ['src/**']", both.Reason);
        Assert.False(pathOnly.Triggered);
    }

    [Fact]
    public void GHA_WF_3_PullRequestBranchFilter_MatchesBaseBranch()
    {
        var workflow = Workflow("on:\n  pull_request:\n    branches: [main]\n");

        var intoMain = WorkflowTriggers.Match(workflow, PullRequest("main", changed: "a.txt"));
        var intoDev = WorkflowTriggers.Match(workflow, PullRequest("dev", changed: "a.txt"));

        Assert.True(intoMain.Triggered);
        Assert.Equal("pull_request into base branch 'main' matches branches ['main']", intoMain.Reason);
        Assert.False(intoDev.Triggered);
        Assert.Equal("pull_request into base branch 'dev' does not match branches ['main']", intoDev.Reason);
    }

    [Fact]
    public void GHA_WF_2_PullRequestTypes_DefaultAndDeclared()
    {
        var byDefault = Workflow("on: pull_request\n");
        var labeled = Workflow("on:\n  pull_request:\n    types: [labeled]\n");

        Assert.True(WorkflowTriggers.Match(byDefault, PullRequest("main", "synchronize")).Triggered);
        var closed = WorkflowTriggers.Match(byDefault, PullRequest("main", "closed"));
        Assert.False(closed.Triggered);
        Assert.Equal("pull_request activity type 'closed' is not in types ['opened', 'synchronize', 'reopened']", closed.Reason);
        Assert.False(WorkflowTriggers.Match(labeled, PullRequest("main", "opened")).Triggered);
        Assert.True(WorkflowTriggers.Match(labeled, PullRequest("main", "labeled")).Triggered);
    }

    [Fact]
    public void GHA_WF_3_DetachedHead_CannotMatchBranchFilters()
    {
        var sha = "0123456789abcdef0123456789abcdef01234567";

        var match = WorkflowTriggers.Match(Workflow("on:\n  push:\n    branches: [main]\n"), Push(sha, "a.txt"));

        Assert.False(match.Triggered);
        Assert.Equal($"push of a detached HEAD ({sha}) has no branch or tag to match branches ['main']; check out a branch or give the ref with --payload", match.Reason);
    }

    [Fact]
    public void GHA_WF_3_InvalidPattern_IsTheReason()
    {
        var match = WorkflowTriggers.Match(Workflow("on:\n  push:\n    branches: ['v[0-9']\n"), Push("refs/heads/main"));

        Assert.False(match.Triggered);
        Assert.Equal("push to branch 'main': branches: invalid pattern 'v[0-9': missing ']' after '['", match.Reason);
    }

    [Fact]
    public void GHA_WF_2_OtherEvents_TriggerWhenDeclared()
    {
        var dispatch = Push("refs/heads/main") with { Name = "workflow_dispatch" };

        Assert.True(WorkflowTriggers.Match(Workflow("on: [push, workflow_dispatch]\n"), dispatch).Triggered);
        Assert.True(WorkflowTriggers.Match(Workflow("on:\n  schedule:\n    - cron: '0 0 * * *'\n"), dispatch with { Name = "schedule" }).Triggered);
    }
}
