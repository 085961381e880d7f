using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Planning.Rendering;

/// <summary>Builds output trees (the YAML/JSON that <c>expand</c> prints) from plan parts; null values are left out.</summary>
internal sealed class MappingBuilder
{
    private readonly List<YamlEntry> _entries = [];

    public MappingBuilder Add(string key, YamlNode? value)
    {
        if (value is not null)
        {
            _entries.Add(new YamlEntry(Node.Text(key), value));
        }

        return this;
    }

    public MappingBuilder Add(string key, string? value) => Add(key, value is null ? null : Node.Text(value));

    public MappingBuilder Add(string key, bool? value) => Add(key, value is null ? null : Node.Bool(value.Value));

    public MappingBuilder Add(string key, int? value) => Add(key, value is null ? null : Node.Number(value.Value));

    public MappingBuilder AddList(string key, IEnumerable<string>? values, bool keepEmpty = false)
    {
        var list = values?.ToList();
        return list is null || (list.Count == 0 && !keepEmpty) ? this : Add(key, Node.List(list.Select(Node.Text)));
    }

    public MappingBuilder AddMap(string key, IReadOnlyList<NamedValue> values) =>
        values.Count == 0 ? this : Add(key, Node.Map(values));

    public YamlMapping Build() => new(_entries, SourceLocation.None);
}

internal static class Node
{
    /// <summary>A string value; quoted on output when it would otherwise read as a number, boolean or null.</summary>
    public static YamlScalar Text(string value) => new(value, ScalarStyle.DoubleQuoted, SourceLocation.None);

    public static YamlScalar Bool(bool value) => new(value ? "true" : "false", ScalarStyle.Plain, SourceLocation.None);

    public static YamlScalar Number(int value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), ScalarStyle.Plain, SourceLocation.None);

    public static YamlSequence List(IEnumerable<YamlNode> items) => new([.. items], SourceLocation.None);

    public static YamlMapping Map(IEnumerable<NamedValue> values) =>
        new([.. values.Select(v => new YamlEntry(Text(v.Name), Text(v.Value)))], SourceLocation.None);
}
