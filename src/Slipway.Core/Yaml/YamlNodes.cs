using Slipway.Core.Diagnostics;

namespace Slipway.Core.Yaml;

/// <summary>How a scalar was written; a plain scalar may be a YAML null, boolean or number.</summary>
public enum ScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// <summary>
/// An immutable YAML node that remembers where it was written, so that every later stage
/// (templates, dialects, validation) can point at the text behind a problem.
/// </summary>
public abstract class YamlNode(SourceLocation location, string? tag)
{
    public SourceLocation Location { get; } = location;

    /// <summary>An explicit tag such as <c>!!str</c>, or null.</summary>
    public string? Tag { get; } = tag;
}

public sealed class YamlScalar(string value, ScalarStyle style, SourceLocation location, string? tag = null)
    : YamlNode(location, tag)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    /// <summary>True for a plain <c>~</c>, <c>null</c> or empty scalar (YAML's core schema).</summary>
    public bool IsNull => Style == ScalarStyle.Plain && Tag is null
        && Value is "" or "~" or "null" or "Null" or "NULL";

    public YamlScalar WithValue(string value) => new(value, Style, Location, Tag);

    public override string ToString() => Value;
}

public sealed class YamlSequence(IReadOnlyList<YamlNode> items, SourceLocation location, string? tag = null)
    : YamlNode(location, tag)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;
}

public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

public sealed class YamlMapping(IReadOnlyList<YamlEntry> entries, SourceLocation location, string? tag = null)
    : YamlNode(location, tag)
{
    public IReadOnlyList<YamlEntry> Entries { get; } = entries;

    /// <summary>The value of a key, compared ordinally (YAML keys are case-sensitive), or null.</summary>
    public YamlNode? this[string key] => Find(key)?.Value;

    public YamlEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }
}
