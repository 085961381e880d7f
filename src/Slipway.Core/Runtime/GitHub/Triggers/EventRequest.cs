namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>What the user asked for: <c>--event NAME</c> in a repository, with an optional <c>--payload FILE</c> and <c>--base REF</c>.</summary>
internal sealed record EventRequest(string EventName, string RepositoryRoot)
{
    /// <summary>A JSON file merged over the payload built from git (its values win).</summary>
    public string? PayloadFile { get; init; }

    /// <summary>The commit to compare HEAD with: the push's <c>before</c>, or the pull request's base branch.</summary>
    public string? BaseRef { get; init; }
}

/// <summary>Whether an event triggers a workflow, and why (or why not), in words a user can act on.</summary>
internal sealed record TriggerMatch(bool Triggered, string Reason);
