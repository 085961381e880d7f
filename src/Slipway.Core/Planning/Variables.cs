using Slipway.Core.Diagnostics;

namespace Slipway.Core.Planning;

/// <summary>Whether a variable's value is secret; group values are <see cref="Unknown"/> until fetched.</summary>
public enum SecretState
{
    NotSecret,
    Secret,
    Unknown,
}

/// <summary>One entry of a <c>variables</c> block: a definition or a group reference. Order matters: later wins.</summary>
public abstract record VariableEntry(SourceLocation Location);

/// <summary>
/// A named value. <see cref="Value"/> may hold <c>$(macro)</c> references (expanded at run time);
/// <see cref="RuntimeExpression"/> is set when the whole value is a <c>$[ ]</c> expression.
/// </summary>
public sealed record VariableDefinition(
    string Name,
    string Value,
    bool IsReadOnly,
    SecretState Secret,
    SourceLocation Location) : VariableEntry(Location)
{
    public ExpressionText? RuntimeExpression { get; init; }
}

/// <summary>
/// A reference to a library variable group. <see cref="Values"/> holds what was found locally
/// (<c>.slipway/variable-groups/NAME.yml</c>); <see cref="IsResolved"/> is false when the values are unknown here.
/// </summary>
public sealed record VariableGroupReference(
    string Group,
    bool IsResolved,
    IReadOnlyList<VariableDefinition> Values,
    SourceLocation Location) : VariableEntry(Location);
