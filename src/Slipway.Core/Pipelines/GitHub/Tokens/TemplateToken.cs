using System.Globalization;
using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.GitHub.Schema;

namespace Slipway.Core.Pipelines.GitHub.Tokens;

/// <summary>The kinds of template token; the numbers are the ones GitHub's parsers serialise.</summary>
internal enum TokenKind
{
    String = 0,
    Sequence = 1,
    Mapping = 2,
    BasicExpression = 3,
    InsertExpression = 4,
    Boolean = 5,
    Number = 6,
    Null = 7,
}

/// <summary>
/// A node of a workflow after it was read against GitHub's schema: a literal, an expression, a
/// sequence or a mapping, with the place it was written.
/// </summary>
internal abstract class TemplateToken(TokenKind kind, SourceLocation location)
{
    public TokenKind Kind { get; } = kind;

    public SourceLocation Location { get; } = location;

    /// <summary>The schema definition the token was read with (gives the allowed expression contexts).</summary>
    public DefinitionInfo? Definition { get; set; }

    public bool IsScalar => Kind is not (TokenKind.Sequence or TokenKind.Mapping);

    public bool IsLiteral => Kind is TokenKind.String or TokenKind.Boolean or TokenKind.Number or TokenKind.Null;

    public bool IsExpression => Kind is TokenKind.BasicExpression or TokenKind.InsertExpression;

    public string TypeName => Kind switch
    {
        TokenKind.String => "StringToken",
        TokenKind.Sequence => "SequenceToken",
        TokenKind.Mapping => "MappingToken",
        TokenKind.BasicExpression => "BasicExpressionToken",
        TokenKind.InsertExpression => "InsertExpressionToken",
        TokenKind.Boolean => "BooleanToken",
        TokenKind.Number => "NumberToken",
        _ => "NullToken",
    };

    /// <summary>This token and every token below it, depth first (mapping keys included).</summary>
    public IEnumerable<TemplateToken> Traverse()
    {
        var stack = new Stack<TemplateToken>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var token = stack.Pop();
            yield return token;
            if (token is SequenceToken sequence)
            {
                for (var i = sequence.Items.Count - 1; i >= 0; i--)
                {
                    stack.Push(sequence.Items[i]);
                }
            }
            else if (token is MappingToken mapping)
            {
                for (var i = mapping.Pairs.Count - 1; i >= 0; i--)
                {
                    stack.Push(mapping.Pairs[i].Value);
                    stack.Push(mapping.Pairs[i].Key);
                }
            }
        }
    }
}

internal sealed class StringToken(SourceLocation location, string value, string? source = null) : TemplateToken(TokenKind.String, location)
{
    public string Value { get; } = value;

    /// <summary>The raw text of the scalar in the file, when known (block scalars keep their line structure).</summary>
    public string? Source { get; } = source;

    public override string ToString() => Value;
}

internal sealed class BooleanToken(SourceLocation location, bool value) : TemplateToken(TokenKind.Boolean, location)
{
    public bool Value { get; } = value;

    public override string ToString() => Value ? "true" : "false";
}

internal sealed class NumberToken(SourceLocation location, double value) : TemplateToken(TokenKind.Number, location)
{
    public double Value { get; } = value;

    public override string ToString() => NumberText.Format(Value);
}

internal sealed class NullToken(SourceLocation location) : TemplateToken(TokenKind.Null, location)
{
    public override string ToString() => string.Empty;
}

/// <summary>A <c>${{ expr }}</c> value; <see cref="Expression"/> is the text between the braces, trimmed.</summary>
internal sealed class BasicExpressionToken(SourceLocation location, string expression) : TemplateToken(TokenKind.BasicExpression, location)
{
    public string Expression { get; } = expression;

    public override string ToString() => "${{ " + Expression + " }}";
}

internal sealed class InsertExpressionToken(SourceLocation location) : TemplateToken(TokenKind.InsertExpression, location)
{
    public override string ToString() => "${{ insert }}";
}

internal sealed class SequenceToken(SourceLocation location) : TemplateToken(TokenKind.Sequence, location)
{
    private readonly List<TemplateToken> _items = [];

    public IReadOnlyList<TemplateToken> Items => _items;

    public void Add(TemplateToken item) => _items.Add(item);
}

internal sealed record TokenPair(TemplateToken Key, TemplateToken Value);

internal sealed class MappingToken(SourceLocation location) : TemplateToken(TokenKind.Mapping, location)
{
    private readonly List<TokenPair> _pairs = [];

    public IReadOnlyList<TokenPair> Pairs => _pairs;

    public void Add(TemplateToken key, TemplateToken value) => _pairs.Add(new TokenPair(key, value));

    /// <summary>The value of a literal key, compared ordinally, or null.</summary>
    public TemplateToken? Find(string key) =>
        _pairs.FirstOrDefault(p => p.Key is StringToken s && string.Equals(s.Value, key, StringComparison.Ordinal))?.Value;
}

/// <summary>Formats numbers the way JavaScript prints them (GitHub's parsers and expressions agree on this).</summary>
internal static class NumberText
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e21)
        {
            return value.ToString("0", CultureInfo.InvariantCulture);
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal);
    }
}
