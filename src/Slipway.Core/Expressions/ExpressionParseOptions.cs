using Slipway.Core.Diagnostics;

namespace Slipway.Core.Expressions;

/// <summary>What a caller allows in an expression, and where the expression text starts (for diagnostics).</summary>
internal sealed record ExpressionParseOptions
{
    /// <summary>The named values the expression may use (case-insensitive); any other name is an "Unrecognized value" error.</summary>
    public IReadOnlyCollection<string> NamedValues { get; init; } = [];

    /// <summary>Allows always/canceled/failed/succeeded/succeededOrFailed (GitHub: success/failure/cancelled/always). Runtime conditions only.</summary>
    public bool AllowStatusFunctions { get; init; }

    /// <summary>Allows Azure's counter(prefix, seed): only in <c>$[ ]</c> variable definitions.</summary>
    public bool AllowCounter { get; init; }

    /// <summary>Allows GitHub's hashFiles(...).</summary>
    public bool AllowHashFiles { get; init; }

    /// <summary>Where the first character of the expression text is in its file; diagnostics add the position to the column.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;

    public static ExpressionParseOptions WithNames(params string[] names) => new() { NamedValues = names };
}
