using System.Text.Json.Nodes;
using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>
/// The event a workflow run is for: what the <c>github</c> context and the <c>GITHUB_*</c> variables
/// are built from. Made by <c>Triggers/</c> from <c>--event</c>, <c>--payload</c>, <c>--base</c>,
/// <c>--input</c> and the local git state; read by the orchestrator and the job runner.
/// </summary>
internal sealed record TriggeringEvent
{
    /// <summary>The event name (<c>github.event_name</c>): push, pull_request, workflow_dispatch, ...</summary>
    public required string Name { get; init; }

    /// <summary>The webhook payload (<c>github.event</c>, and the file <c>GITHUB_EVENT_PATH</c> points at).</summary>
    public required JsonObject Payload { get; init; }

    /// <summary><c>github.ref</c>: <c>refs/heads/main</c>, <c>refs/tags/v1</c>, <c>refs/pull/1/merge</c>.</summary>
    public required string Ref { get; init; }

    /// <summary><c>github.sha</c>.</summary>
    public required string Sha { get; init; }

    /// <summary><c>github.base_ref</c>: the target branch of a pull request, else empty.</summary>
    public string BaseRef { get; init; } = string.Empty;

    /// <summary><c>github.head_ref</c>: the source branch of a pull request, else empty.</summary>
    public string HeadRef { get; init; } = string.Empty;

    /// <summary><c>github.actor</c> and <c>github.triggering_actor</c> (from git's user.name, else the OS user).</summary>
    public required string Actor { get; init; }

    /// <summary><c>github.repository</c>: <c>owner/name</c> (from the origin remote, else <c>local/&lt;folder&gt;</c>).</summary>
    public required string Repository { get; init; }

    /// <summary>The files the event changed (relative, <c>/</c>-separated): what path filters are matched against.</summary>
    public IReadOnlyList<string> ChangedFiles { get; init; } = [];

    /// <summary>
    /// The typed <c>inputs</c> context for <c>workflow_dispatch</c> (booleans stay booleans, numbers
    /// numbers, defaults applied); empty for other events.
    /// </summary>
    public ObjectValue Inputs { get; init; } = ObjectValue.Empty;

    /// <summary>What the event could not be built from (e.g. a folder without git commits: no branch, commit or changed files).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary><c>github.ref_name</c>: the short name of <see cref="Ref"/> (<c>main</c>, <c>v1</c>, <c>1/merge</c>).</summary>
    public string RefName => Ref.StartsWith("refs/heads/", StringComparison.Ordinal) ? Ref["refs/heads/".Length..]
        : Ref.StartsWith("refs/tags/", StringComparison.Ordinal) ? Ref["refs/tags/".Length..]
        : Ref.StartsWith("refs/pull/", StringComparison.Ordinal) ? Ref["refs/pull/".Length..]
        : Ref;

    /// <summary><c>github.ref_type</c>: <c>tag</c> or <c>branch</c>.</summary>
    public string RefType => Ref.StartsWith("refs/tags/", StringComparison.Ordinal) ? "tag" : "branch";

    /// <summary><c>github.repository_owner</c>.</summary>
    public string RepositoryOwner => Repository.Contains('/', StringComparison.Ordinal) ? Repository[..Repository.IndexOf('/', StringComparison.Ordinal)] : Repository;
}
