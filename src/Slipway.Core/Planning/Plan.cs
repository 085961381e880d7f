using Slipway.Core.Diagnostics;

namespace Slipway.Core.Planning;

/// <summary>Which YAML syntax a plan was read from; the plan itself is the same for both.</summary>
public enum PipelineSyntax
{
    AzurePipelines,
    GitHubActions,
}

/// <summary>
/// A fully expanded, validated pipeline: what the orchestrator runs, what <c>slipway expand</c>
/// prints and what a server stores. Immutable; every part keeps the location of the text behind it.
/// </summary>
public sealed record Plan
{
    public required PipelineSyntax Syntax { get; init; }

    /// <summary>The root file the plan was compiled from, as shown in diagnostics.</summary>
    public required string File { get; init; }

    /// <summary>Run (build) number format; Azure <c>name:</c>. Null means the syntax's default.</summary>
    public string? RunNameFormat { get; init; }

    /// <summary>Azure <c>appendCommitMessageToRunName</c> (default true).</summary>
    public bool AppendCommitMessageToRunName { get; init; } = true;

    public TriggerSet Triggers { get; init; } = TriggerSet.Default;

    public ResourceSet Resources { get; init; } = ResourceSet.Empty;

    /// <summary>Runtime parameters the pipeline declares (already applied by the template step).</summary>
    public IReadOnlyList<ParameterDeclaration> Parameters { get; init; } = [];

    /// <summary>Pipeline-level variables, in definition order (later entries win).</summary>
    public IReadOnlyList<VariableEntry> Variables { get; init; } = [];

    /// <summary>Values given when the run was queued (<c>--var</c>); YAML-defined variables win over them.</summary>
    public IReadOnlyList<VariableDefinition> QueueTimeVariables { get; init; } = [];

    /// <summary>Pipeline-level default pool; stage and job pools win.</summary>
    public PoolSpec? Pool { get; init; }

    /// <summary>Azure <c>lockBehavior</c>: <c>sequential</c> or <c>runLatest</c>.</summary>
    public string? LockBehavior { get; init; }

    public required IReadOnlyList<StagePlan> Stages { get; init; }

    public SourceLocation Location { get; init; }

    public IEnumerable<JobPlan> AllJobs => Stages.SelectMany(s => s.Jobs);

    /// <summary>The pool a job runs in: its own, else its stage's, else the pipeline's (AZP-JOB-4: the lowest level wins).</summary>
    public PoolSpec? EffectivePool(StagePlan stage, JobPlan job)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(job);
        return job.Pool ?? stage.Pool ?? Pool;
    }

    /// <summary>The variable entries a job sees, lowest precedence first: pipeline, stage, job (AZP-VAR-11). Queue-time values are not included.</summary>
    public IEnumerable<VariableEntry> VariablesFor(StagePlan stage, JobPlan job)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(job);
        return Variables.Concat(stage.Variables).Concat(job.Variables);
    }
}

/// <summary>An expression kept as text (conditions, <c>$[ ]</c> values) until the expression engine parses it.</summary>
public sealed record ExpressionText(string Text, SourceLocation Location)
{
    public override string ToString() => Text;
}

/// <summary>A declared runtime parameter; <see cref="Default"/> is the raw YAML value.</summary>
public sealed record ParameterDeclaration(
    string Name,
    string Type,
    string? DisplayName,
    Yaml.YamlNode? Default,
    IReadOnlyList<string> Values,
    SourceLocation Location);

/// <summary>A plain name/value pair that keeps where it was written (inputs, env, matrix variables).</summary>
public sealed record NamedValue(string Name, string Value, SourceLocation Location);
