using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Expressions.Azure;

internal enum AzureTokenKind
{
    StartIndex,
    StartParameter,
    EndIndex,
    EndParameter,
    Separator,
    Dereference,
    Wildcard,
    Literal,
    PropertyName,
    Function,
    NamedValue,
    UnknownKeyword,
    Unrecognized,
}

/// <summary>One token: its kind, raw text, 0-based index, and the literal value for literals.</summary>
internal sealed record AzureToken(AzureTokenKind Kind, string Raw, int Index, ExpressionValue? Value = null);
