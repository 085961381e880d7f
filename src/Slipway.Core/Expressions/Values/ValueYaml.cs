using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Expressions.Values;

/// <summary>
/// Converts YAML nodes to values and back. A scalar always becomes a string (typed template
/// parameters are converted by the template engine); sequences and mappings keep their node as
/// <c>Source</c>, so an unchanged array or object turns back into the very node it came from.
/// </summary>
internal static class ValueYaml
{
    public static ExpressionValue FromYaml(YamlNode? node) => node switch
    {
        null => ExpressionValue.Null,
        YamlScalar s => new StringValue(s.Value),
        YamlSequence seq => new ArrayValue(seq.Items.Select(FromYaml).ToList(), seq),
        YamlMapping map => new ObjectValue(
            map.Entries.Select(e => new KeyValuePair<string, ExpressionValue>(e.Key.Value, FromYaml(e.Value))), map),
        _ => ExpressionValue.Null,
    };

    /// <summary>
    /// Turns a value into YAML placed at <paramref name="location"/>. Null becomes an empty plain scalar;
    /// booleans, numbers and versions become plain scalars in Azure's display form; strings that YAML would
    /// read as null are single-quoted.
    /// </summary>
    public static YamlNode ToYaml(ExpressionValue value, SourceLocation location, ExpressionDialect dialect = ExpressionDialect.AzurePipelines)
    {
        switch (value)
        {
            case ArrayValue { Source: YamlSequence source, IsFiltered: false }:
                return source;
            case ObjectValue { Source: YamlMapping source }:
                return source;
            case ArrayValue array:
                return new YamlSequence(array.Items.Select(i => ToYaml(i, location, dialect)).ToList(), location);
            case ObjectValue obj:
                return new YamlMapping(
                    obj.Entries.Select(e => new YamlEntry(new YamlScalar(e.Key, ScalarStyle.Plain, location), ToYaml(e.Value, location, dialect))).ToList(),
                    location);
            case StringValue s:
                var style = s.Value is "" or "~" or "null" or "Null" or "NULL" ? ScalarStyle.SingleQuoted : ScalarStyle.Plain;
                return new YamlScalar(s.Value, style, location);
            case NullValue:
                return new YamlScalar(string.Empty, ScalarStyle.Plain, location);
            default:
                return new YamlScalar(value.ToDisplayString(dialect), ScalarStyle.Plain, location);
        }
    }
}
