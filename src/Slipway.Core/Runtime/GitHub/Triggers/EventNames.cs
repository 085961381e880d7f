using Slipway.Core.Pipelines.GitHub.Schema;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>The event names a workflow's <c>on:</c> accepts (from GitHub's workflow schema), and the ones with special handling.</summary>
internal static class EventNames
{
    public const string Push = "push";
    public const string PullRequest = "pull_request";
    public const string PullRequestTarget = "pull_request_target";
    public const string WorkflowDispatch = "workflow_dispatch";
    public const string WorkflowCall = "workflow_call";
    public const string Schedule = "schedule";

    private static readonly Lazy<IReadOnlyList<string>> Names = new(() =>
        ((MappingDefinition)WorkflowSchema.Workflow.Get("on-mapping-strict")).Properties.Select(p => p.Key).Order(StringComparer.Ordinal).ToList());

    /// <summary>Every event a workflow can be triggered by (<c>workflow_call</c> included; it is not a top-level event).</summary>
    public static IReadOnlyList<string> All => Names.Value;

    public static bool IsPullRequest(string name) => name is PullRequest or PullRequestTarget;

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
