using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;

namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>
/// One workflow being run: the workflow of the run, or a workflow called by a job (<c>uses:</c>), with the
/// <c>inputs</c> and <c>secrets</c> it sees and how its jobs are named (<c>call / job</c>).
/// </summary>
internal sealed record WorkflowScope
{
    public required Workflow Workflow { get; init; }

    public required ObjectValue Inputs { get; init; }

    public required ObjectValue Secrets { get; init; }

    /// <summary>Prefix of job record names: empty for the run's workflow, <c>call.</c> for a called one.</summary>
    public string IdPrefix { get; init; } = string.Empty;

    /// <summary>Prefix of shown job names: empty, or <c>Call name / </c>.</summary>
    public string NamePrefix { get; init; } = string.Empty;

    public bool IsRoot => IdPrefix.Length == 0;
}
