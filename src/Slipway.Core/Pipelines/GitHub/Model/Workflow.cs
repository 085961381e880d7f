using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.GitHub.Tokens;

namespace Slipway.Core.Pipelines.GitHub.Model;

/// <summary>
/// A GitHub Actions workflow after reading and validation. Values that may hold expressions stay
/// template tokens (they are evaluated at run time); everything has a source location.
/// </summary>
internal sealed record Workflow
{
    public required string File { get; init; }

    public string? Name { get; init; }

    /// <summary>The <c>run-name</c> value (string or expression), if any.</summary>
    public TemplateToken? RunName { get; init; }

    /// <summary>The <c>on</c> value as written: a string, a sequence of event names, or a mapping of events to their configuration.</summary>
    public TemplateToken? On { get; init; }

    public WorkflowEvents Events { get; init; } = WorkflowEvents.Empty;

    public IReadOnlyDictionary<string, string>? InputTypes { get; init; }

    public MappingToken? Env { get; init; }

    public TemplateToken? Defaults { get; init; }

    public TemplateToken? Concurrency { get; init; }

    public WorkflowPermissions? Permissions { get; init; }

    public required IReadOnlyList<WorkflowJob> Jobs { get; init; }
}

/// <summary>A job: either a <see cref="Job"/> that runs steps or a <see cref="ReusableWorkflowJob"/> that calls a workflow.</summary>
internal abstract record WorkflowJob
{
    public required StringToken Id { get; init; }

    /// <summary>The display name (the id when no name is given); may be an expression.</summary>
    public required TemplateToken Name { get; init; }

    public IReadOnlyList<StringToken> Needs { get; init; } = [];

    /// <summary>The converted condition, e.g. <c>success()</c> or <c>success() &amp;&amp; (github.ref == 'x')</c>.</summary>
    public required BasicExpressionToken If { get; init; }

    public TemplateToken? Strategy { get; init; }

    public TemplateToken? Concurrency { get; init; }

    public WorkflowPermissions? Permissions { get; init; }

    public SourceLocation Location => Id.Location;
}

internal sealed record Job : WorkflowJob
{
    public TemplateToken? RunsOn { get; init; }

    public TemplateToken? ContinueOnError { get; init; }

    public TemplateToken? TimeoutMinutes { get; init; }

    public TemplateToken? CancelTimeoutMinutes { get; init; }

    public TemplateToken? Container { get; init; }

    public TemplateToken? Services { get; init; }

    public TemplateToken? Env { get; init; }

    public TemplateToken? Environment { get; init; }

    public TemplateToken? Outputs { get; init; }

    public TemplateToken? Defaults { get; init; }

    public TemplateToken? Snapshot { get; init; }

    public IReadOnlyList<WorkflowStep> Steps { get; init; } = [];
}

internal sealed record ReusableWorkflowJob : WorkflowJob
{
    /// <summary>The <c>uses</c> reference: <c>owner/repo/.github/workflows/f.yml@ref</c> or <c>./.github/workflows/f.yml</c>.</summary>
    public required StringToken Ref { get; init; }

    public MappingToken? InputValues { get; init; }

    public MappingToken? SecretValues { get; init; }

    public bool InheritSecrets { get; init; }

    /// <summary>From the called workflow's <c>on.workflow_call</c>, when it was loaded.</summary>
    public MappingToken? InputDefinitions { get; init; }

    public MappingToken? SecretDefinitions { get; init; }

    public MappingToken? Outputs { get; init; }

    /// <summary>The called workflow's jobs, when it was loaded.</summary>
    public IReadOnlyList<WorkflowJob> Jobs { get; init; } = [];
}

/// <summary>
/// A step. A regular step has <see cref="Run"/> or <see cref="Uses"/>; with background steps enabled a step
/// may instead wait for, wait for all, or cancel background steps, or run a <see cref="Parallel"/> group.
/// </summary>
internal sealed record WorkflowStep
{
    /// <summary>The id as written, or the generated one (<c>__run</c>, <c>__actions_checkout</c>, <c>__run_2</c>...).</summary>
    public required string Id { get; init; }

    public TemplateToken? Name { get; init; }

    /// <summary>The converted condition; null for wait, wait-all, cancel and parallel steps (they have none).</summary>
    public BasicExpressionToken? If { get; init; }

    public TemplateToken? ContinueOnError { get; init; }

    public TemplateToken? TimeoutMinutes { get; init; }

    public TemplateToken? Env { get; init; }

    public TemplateToken? Run { get; init; }

    public TemplateToken? WorkingDirectory { get; init; }

    public TemplateToken? Shell { get; init; }

    public StringToken? Uses { get; init; }

    public TemplateToken? With { get; init; }

    /// <summary><c>background: true</c>: the job goes on to the next step at once.</summary>
    public bool? Background { get; init; }

    /// <summary>The background steps this step waits for.</summary>
    public IReadOnlyList<StringToken>? Wait { get; init; }

    public bool? WaitAll { get; init; }

    /// <summary>The background step this step cancels.</summary>
    public StringToken? Cancel { get; init; }

    public IReadOnlyList<WorkflowStep>? Parallel { get; init; }

    public required SourceLocation Location { get; init; }
}

/// <summary>Permissions of the GITHUB_TOKEN: scope to <c>read</c>/<c>write</c> (scopes with <c>none</c> are left out).</summary>
internal sealed record WorkflowPermissions(IReadOnlyDictionary<string, string> Scopes)
{
    /// <summary>The level of one scope: <c>read</c>, <c>write</c> or <c>none</c>.</summary>
    public string Level(string scope) => Scopes.TryGetValue(scope, out var level) ? level : "none";

    public static readonly IReadOnlyList<string> AllScopes =
    [
        "actions", "checks", "contents", "deployments", "discussions", "id-token", "issues", "packages", "pages",
        "pull-requests", "repository-projects", "security-events", "statuses",
    ];
}
