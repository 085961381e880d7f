namespace Slipway.Core.Templates;

internal enum DirectiveKind
{
    If,
    ElseIf,
    Else,
    Each,
    Insert,
}

/// <summary>
/// A template directive written as a mapping key: <c>${{ if c }}</c>, <c>${{ elseif c }}</c>, <c>${{ else }}</c>,
/// <c>${{ each x in c }}</c>, <c>${{ insert }}</c> (AZP-TPL-21..23).
/// </summary>
internal sealed record Directive(DirectiveKind Kind, string Expression, string? Variable)
{
    /// <summary>True when an expression's text starts with a directive keyword (used to reject <c>a-${{ if x }}</c>).</summary>
    public static bool StartsWithKeyword(string expression) =>
        KeywordLength(expression, "if") > 0 || KeywordLength(expression, "elseif") > 0 || KeywordLength(expression, "each") > 0
        || expression is "else" or "insert";

    /// <summary>Parses the inside of a whole-key expression; null when it is an ordinary expression; error text when malformed.</summary>
    public static Directive? Parse(string expression, out string? error)
    {
        error = null;
        if (expression is "else" or "insert")
        {
            return new Directive(expression == "else" ? DirectiveKind.Else : DirectiveKind.Insert, string.Empty, null);
        }

        if (KeywordLength(expression, "elseif") is var e and > 0)
        {
            return Conditional(DirectiveKind.ElseIf, expression[e..].Trim(), out error);
        }

        if (KeywordLength(expression, "if") is var i and > 0)
        {
            return Conditional(DirectiveKind.If, expression[i..].Trim(), out error);
        }

        return KeywordLength(expression, "each") is var n and > 0 ? ParseEach(expression[n..].Trim(), out error) : null;
    }

    private static Directive? Conditional(DirectiveKind kind, string condition, out string? error)
    {
        error = condition.Length == 0 ? $"'{(kind == DirectiveKind.If ? "if" : "elseif")}' needs a condition." : null;
        return error is null ? new Directive(kind, condition, null) : null;
    }

    private static Directive? ParseEach(string rest, out string? error)
    {
        // each <name> in <expression>
        var space = rest.IndexOfAny([' ', '\t']);
        var name = space < 0 ? rest : rest[..space];
        var tail = space < 0 ? string.Empty : rest[space..].TrimStart();
        if (!IsIdentifier(name) || !tail.StartsWith("in", StringComparison.Ordinal) || tail.Length < 3 || !char.IsWhiteSpace(tail[2]))
        {
            error = "Expected 'each <name> in <expression>'.";
            return null;
        }

        var collection = tail[2..].Trim();
        error = collection.Length == 0 ? "Expected 'each <name> in <expression>'." : null;
        return error is null ? new Directive(DirectiveKind.Each, collection, name) : null;
    }

    private static int KeywordLength(string expression, string keyword)
    {
        if (!expression.StartsWith(keyword, StringComparison.Ordinal))
        {
            return 0;
        }

        if (expression.Length == keyword.Length)
        {
            return keyword.Length;
        }

        var next = expression[keyword.Length];
        return char.IsWhiteSpace(next) || next == '(' ? keyword.Length : 0;
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '-');
}
