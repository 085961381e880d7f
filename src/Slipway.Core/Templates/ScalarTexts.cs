namespace Slipway.Core.Templates;

/// <summary>What a scalar holding <c>${{</c> says: a whole expression, a directive, or literal/expression segments.</summary>
internal sealed class ScalarText
{
    private ScalarText(string text)
    {
        Whole = ExpressionText.WholeExpression(text);
        Segments = Whole is null ? ExpressionText.Split(text) : null;
        Directive = Whole is null ? null : Directive.Parse(Whole, out DirectiveError);
    }

    /// <summary>The expression when the whole text is one <c>${{ }}</c>.</summary>
    public string? Whole { get; }

    /// <summary>The pieces to interpolate when it is not a whole expression (null when an expression is not closed).</summary>
    public List<TextSegment>? Segments { get; }

    public Directive? Directive { get; }

    /// <summary>Why a directive-looking whole expression is malformed, or null.</summary>
    public readonly string? DirectiveError;

    public static ScalarText Create(string text) => new(text);
}

/// <summary>
/// Template files are parsed once but instantiated many times, so the same texts are examined again and
/// again: remember what each one says.
/// </summary>
internal sealed class ScalarTexts
{
    private readonly Dictionary<string, ScalarText> _cache = new(StringComparer.Ordinal);

    public ScalarText Get(string text)
    {
        if (!_cache.TryGetValue(text, out var parsed))
        {
            parsed = ScalarText.Create(text);
            _cache[text] = parsed;
        }

        return parsed;
    }
}
