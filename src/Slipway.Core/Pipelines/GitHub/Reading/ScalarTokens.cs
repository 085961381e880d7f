using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.GitHub.Reading;

/// <summary>Types a YAML scalar with the YAML 1.2 core schema, as GitHub's reader does.</summary>
internal static partial class ScalarTokens
{
    public static TemplateToken From(YamlScalar scalar)
    {
        var location = scalar.Location;
        if (scalar.Tag is { } tag)
        {
            return FromTag(scalar, tag);
        }

        if (scalar.Style != ScalarStyle.Plain)
        {
            return new StringToken(location, scalar.Value);
        }

        var value = scalar.Value;
        if (scalar.IsNull)
        {
            return new NullToken(location);
        }

        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return new BooleanToken(location, value[0] is 't' or 'T');
        }

        return Number(value) is { } number ? new NumberToken(location, number) : new StringToken(location, value);
    }

    private static TemplateToken FromTag(YamlScalar scalar, string tag) => tag switch
    {
        "tag:yaml.org,2002:str" => new StringToken(scalar.Location, scalar.Value),
        "tag:yaml.org,2002:null" => new NullToken(scalar.Location),
        "tag:yaml.org,2002:bool" when scalar.Value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE" =>
            new BooleanToken(scalar.Location, scalar.Value[0] is 't' or 'T'),
        "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" when Number(scalar.Value) is { } n => new NumberToken(scalar.Location, n),
        _ => new StringToken(scalar.Location, scalar.Value),
    };

    public static double? Number(string value)
    {
        if (DecimalInt().IsMatch(value) || Float().IsMatch(value))
        {
            return double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (value.Length > 2 && value[0] == '0' && value[1] is 'x' or 'o' && RadixInt().IsMatch(value))
        {
            return JsNumberRadix(value);
        }

        return value switch
        {
            ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" => double.PositiveInfinity,
            "-.inf" or "-.Inf" or "-.INF" => double.NegativeInfinity,
            ".nan" or ".NaN" or ".NAN" => double.NaN,
            _ => null,
        };
    }

    private static double JsNumberRadix(string value)
    {
        var radix = value[1] == 'x' ? 16 : 8;
        double result = 0;
        foreach (var c in value.AsSpan(2))
        {
            result = (result * radix) + Convert.ToInt32(c.ToString(), 16);
        }

        return result;
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInt();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex("^0(x[0-9a-fA-F]+|o[0-7]+)$")]
    private static partial Regex RadixInt();
}
