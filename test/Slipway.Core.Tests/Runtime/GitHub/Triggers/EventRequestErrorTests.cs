using Slipway.Core.Runtime.GitHub.Triggers;
using Slipway.Core.Tests.Runtime.Checkout;

namespace Slipway.Core.Tests.Runtime.GitHub.Triggers;

/// <summary>Bad --event, --base and --payload values are diagnostics (file(line,col) where known), never exceptions.</summary>
[Collection(GitFixture.Collection)]
public sealed class EventRequestErrorTests : IDisposable
{
    private readonly GitFixture _git = new();

    public void Dispose() => _git.Dispose();

    private Slipway.Core.Diagnostics.Diagnostic Error(EventRequest request)
    {
        var built = TriggeringEvents.Build(request, _git.Git);
        Assert.False(built.IsSuccess);
        return built.Error;
    }

    private string Payload(string json)
    {
        var path = Path.Combine(_git.Root, "payload.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void UnknownEvent_ListsValidNames()
    {
        var error = Error(new EventRequest("pushh", _git.NewRepo("app", ("a", "1"))));

        Assert.Equal(TriggerDiagnosticCodes.UnknownEvent, error.Code);
        Assert.StartsWith("Unknown event 'pushh'. Valid events: branch_protection_rule, check_run, ", error.Message, StringComparison.Ordinal);
        Assert.Contains(", pull_request, pull_request_comment, ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("workflow_call", error.Message, StringComparison.Ordinal);
        Assert.Equal("error SLW8100: " + error.Message, error.ToString());
    }

    [Fact]
    public void WorkflowCall_IsNotATopLevelEvent()
    {
        var error = Error(new EventRequest("workflow_call", _git.NewRepo("app", ("a", "1"))));

        Assert.Equal(TriggerDiagnosticCodes.NotTopLevelEvent, error.Code);
    }

    [Fact]
    public void BaseThatGitCannotResolve()
    {
        var repo = _git.NewRepo("app", ("a", "1"));

        var error = Error(new EventRequest("push", repo) { BaseRef = "no-such-branch" });

        Assert.Equal(TriggerDiagnosticCodes.BaseNotFound, error.Code);
        Assert.StartsWith("--base 'no-such-branch' is not a commit git can find in ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PushOutsideAGitRepository_HasNoRefAndSaysWhy()
    {
        var built = TriggeringEvents.Build(new EventRequest("push", _git.NewFolder("plain")), _git.Git);

        Assert.True(built.IsSuccess);
        Assert.Equal(string.Empty, built.Value.Ref);
        Assert.Equal(string.Empty, built.Value.Sha);
        Assert.Empty(built.Value.ChangedFiles);
        var warning = Assert.Single(built.Value.Warnings);
        Assert.Equal(TriggerDiagnosticCodes.NoCommits, warning.Code);
        Assert.Contains("is not inside a git repository", warning.Message, StringComparison.Ordinal);
        var match = WorkflowTriggers.Match(WorkflowTriggersTests.Workflow("on:\n  push:\n    branches: [main]\n"), built.Value);
        Assert.False(match.Triggered);
        Assert.Equal("push has no branch or tag to match branches ['main']: there is no git commit to push", match.Reason);
    }

    [Fact]
    public void PullRequestOutsideAGitRepository_UsesBaseAndNumber()
    {
        var built = TriggeringEvents.Build(new EventRequest("pull_request", _git.NewFolder("plain")) { BaseRef = "origin/main" }, _git.Git);

        Assert.True(built.IsSuccess);
        Assert.Equal("refs/pull/1/merge", built.Value.Ref);
        Assert.Equal("main", built.Value.BaseRef);
        Assert.Single(built.Value.Warnings);
    }

    [Fact]
    public void PayloadWithInvalidJson_PointsAtLineAndColumn()
    {
        var path = Payload("{\n  \"ref\": \"refs/heads/x\",\n  \"after\": oops\n}");

        var error = Error(new EventRequest("push", _git.NewRepo("app", ("a", "1"))) { PayloadFile = path });

        Assert.Equal(TriggerDiagnosticCodes.PayloadInvalidJson, error.Code);
        Assert.Equal(path, error.Location.File);
        Assert.Equal(3, error.Location.Line);
        Assert.Equal(12, error.Location.Column);
        Assert.StartsWith($"{path}(3,12): error SLW8102: The event payload is not valid JSON: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PayloadThatIsNotAnObject()
    {
        var path = Payload("\n  [1, 2]");

        var error = Error(new EventRequest("push", _git.NewRepo("app", ("a", "1"))) { PayloadFile = path });

        Assert.Equal($"{path}(2,3): error SLW8103: The event payload must be a JSON object (like the webhook payload of the event), not array.", error.ToString());
    }

    [Fact]
    public void PayloadThatCannotBeRead()
    {
        var path = Path.Combine(_git.Root, "missing.json");

        var error = Error(new EventRequest("push", _git.NewRepo("app", ("a", "1"))) { PayloadFile = path });

        Assert.Equal(TriggerDiagnosticCodes.PayloadUnreadable, error.Code);
        Assert.Equal(path, error.Location.File);
        Assert.Contains("missing.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PayloadIsMergedOverGit_AndItsRefWins()
    {
        var repo = _git.NewRepo("app", ("a", "1"));
        var path = Payload("""{ "ref": "refs/tags/v9", "repository": { "private": true }, "custom": { "x": 1 } }""");

        var built = TriggeringEvents.Build(new EventRequest("push", repo) { PayloadFile = path }, _git.Git);

        Assert.True(built.IsSuccess);
        var e = built.Value;
        Assert.Equal("refs/tags/v9", e.Ref);
        Assert.Equal("tag", e.RefType);
        Assert.True((bool)e.Payload["repository"]!["private"]!);
        Assert.Equal("local/app", (string?)e.Payload["repository"]!["full_name"]); // git's fields stay
        Assert.Equal(1, (int)e.Payload["custom"]!["x"]!);
    }

    [Fact]
    public void OtherEvents_GetAMinimalPayload()
    {
        var repo = _git.NewRepo("app", ("a", "1"));

        var e = TriggeringEvents.Build(new EventRequest("issues", repo), _git.Git).Value;

        Assert.Equal("issues", e.Name);
        Assert.Equal("refs/heads/main", e.Ref);
        Assert.Equal(_git.Head(repo), e.Sha);
        Assert.Equal("local/app", (string?)e.Payload["repository"]!["full_name"]);
        Assert.NotNull(e.Payload["sender"]);
    }
}
