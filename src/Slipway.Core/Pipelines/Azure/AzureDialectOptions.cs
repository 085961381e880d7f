using Slipway.Core.Planning;

namespace Slipway.Core.Pipelines.Azure;

/// <summary>What a variable group lookup found: the values, or null when the group is not known locally.</summary>
public sealed record VariableGroupLookup(IReadOnlyList<VariableDefinition>? Values);

public sealed record AzureDialectOptions
{
    /// <summary>Resolves <c>group: NAME</c> references; null means no group is known locally.</summary>
    public Func<string, Diagnostics.SourceLocation, Diagnostics.DiagnosticBag, VariableGroupLookup>? VariableGroups { get; init; }

    /// <summary>Queue-time variables (<c>--var name=value</c>).</summary>
    public IReadOnlyList<VariableDefinition> QueueTimeVariables { get; init; } = [];

    /// <summary>Task packages installed locally: true when a package provides <c>Name@Major</c> (not an unknown task then).</summary>
    public Func<string, int, bool>? IsLocalTask { get; init; }

    /// <summary>Whether to check task names and inputs against the built-in task catalog.</summary>
    public bool ValidateTasks { get; init; } = true;
}
