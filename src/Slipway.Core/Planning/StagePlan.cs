using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Planning;

/// <summary>A stage: a group of jobs that starts when the stages it depends on finish.</summary>
public sealed record StagePlan
{
    /// <summary>The stage id (<c>__default</c> for the implicit stage).</summary>
    public required string Name { get; init; }

    /// <summary>The display name; the id when the YAML gives none.</summary>
    public string? DisplayName { get; init; }

    /// <summary>True when the YAML had no stages and this stage was implied.</summary>
    public bool IsImplicit { get; init; }

    /// <summary>True when the id was generated because the YAML left it out.</summary>
    public bool IsNameGenerated { get; init; }

    /// <summary>Resolved dependencies: explicit ones, or the previous stage by default (AZP-DEP-1).</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>True when <see cref="DependsOn"/> was written in the YAML rather than defaulted.</summary>
    public bool DependsOnIsExplicit { get; init; }

    /// <summary>The custom condition, or null for the default <c>succeeded()</c>.</summary>
    public ExpressionText? Condition { get; init; }

    public IReadOnlyList<VariableEntry> Variables { get; init; } = [];

    public PoolSpec? Pool { get; init; }

    public string? LockBehavior { get; init; }

    /// <summary>Azure stage <c>trigger: manual</c>: the stage waits for someone to start it.</summary>
    public bool IsManual { get; init; }

    public bool IsSkippable { get; init; } = true;

    /// <summary>Opaque data that templates pass along (Azure <c>templateContext</c>).</summary>
    public YamlNode? TemplateContext { get; init; }

    public required IReadOnlyList<JobPlan> Jobs { get; init; }

    public SourceLocation Location { get; init; }
}
