// placeholder: replaced by Triggers/ from ghaevents
using Slipway.Core.Pipelines.GitHub.Model;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>Whether a workflow runs for an event, and why (not).</summary>
internal sealed record TriggerMatch(bool Triggered, string Reason);

/// <summary>Matches a workflow's <c>on:</c> against an event.</summary>
internal static class WorkflowTriggers
{
    public static TriggerMatch Match(Workflow workflow, TriggeringEvent e)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(e);
        return workflow.Events[e.Name] is null
            ? new TriggerMatch(false, $"not triggered by '{e.Name}'")
            : new TriggerMatch(true, $"triggered by '{e.Name}'");
    }
}
