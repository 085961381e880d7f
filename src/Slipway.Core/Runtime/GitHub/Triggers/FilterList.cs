namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>
/// A filter's patterns (<c>branches</c>, <c>paths-ignore</c>, ...) evaluated the way GitHub documents: patterns
/// are checked in order and the last one that matches a name decides (a <c>!</c> pattern excludes what earlier
/// patterns included; a later positive pattern includes it again).
/// </summary>
internal sealed class FilterList
{
    private readonly IReadOnlyList<FilterPattern> _patterns;

    private FilterList(string key, IReadOnlyList<string> patterns, IReadOnlyList<FilterPattern> compiled)
    {
        Key = key;
        Patterns = patterns;
        _patterns = compiled;
    }

    /// <summary>The filter's key in the workflow: <c>branches</c>, <c>tags-ignore</c>, <c>paths</c>...</summary>
    public string Key { get; }

    public IReadOnlyList<string> Patterns { get; }

    public bool IsIgnore => Key.EndsWith("-ignore", StringComparison.Ordinal);

    /// <summary>The filter, or (in <paramref name="error"/>) the first pattern GitHub would reject.</summary>
    public static FilterList? TryCreate(string key, IReadOnlyList<string> patterns, out string? error)
    {
        var compiled = new List<FilterPattern>();
        foreach (var text in patterns)
        {
            if (FilterPattern.TryParse(text, out error) is not { } pattern)
            {
                error = $"{key}: {error}";
                return null;
            }

            compiled.Add(pattern);
        }

        error = null;
        return new FilterList(key, patterns, compiled);
    }

    /// <summary>Whether the last pattern matching <paramref name="name"/> is a positive one.</summary>
    public bool Selects(string name)
    {
        var selected = false;
        foreach (var pattern in _patterns)
        {
            if (pattern.IsMatch(name))
            {
                selected = !pattern.IsNegative;
            }
        }

        return selected;
    }

    /// <summary>
    /// Whether the filter lets the event through: for <c>X</c>, at least one name is selected; for
    /// <c>X-ignore</c>, at least one name is not ignored. <paramref name="decisive"/> is the name that decided
    /// (the first one selected, or not ignored), null when none did.
    /// </summary>
    public bool Passes(IReadOnlyList<string> names, out string? decisive)
    {
        decisive = IsIgnore ? names.FirstOrDefault(n => !Selects(n)) : names.FirstOrDefault(Selects);
        return decisive is not null;
    }

    /// <summary><c>branches ['main', 'release/**']</c>, as reasons quote it.</summary>
    public override string ToString() => $"{Key} {Quote(Patterns)}";

    public static string Quote(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(i => $"'{i}'")) + "]";
}
