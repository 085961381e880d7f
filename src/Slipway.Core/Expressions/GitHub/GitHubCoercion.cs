using System.Globalization;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Expressions.GitHub;

/// <summary>GitHub Actions coercion (spec A5): loose equality through numbers, case-insensitive strings, <c>G15</c> numbers.</summary>
internal static class GitHubCoercion
{
    public static bool ToBoolean(ExpressionValue value) => value switch
    {
        NullValue => false,
        BooleanValue b => b.Value,
        NumberValue n => n.Value != 0 && !double.IsNaN(n.Value),
        StringValue s => s.Value.Length > 0,
        _ => true,
    };

    public static string ToDisplayString(ExpressionValue value) => value switch
    {
        NullValue => string.Empty,
        BooleanValue b => b.Value ? "true" : "false",
        NumberValue n => FormatNumber(n.Value),
        StringValue s => s.Value,
        VersionValue v => v.Value.ToString(),
        DateTimeValue t => t.ToInvariantString(),
        ArrayValue => "Array",
        _ => "Object",
    };

    public static string FormatNumber(double d)
    {
        if (d == 0)
        {
            return "0";
        }

        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        return d.ToString("G15", CultureInfo.InvariantCulture);
    }

    public static bool TryGetIndexKey(ExpressionValue index, out string key)
    {
        if (index is StringValue s)
        {
            key = s.Value;
            return true;
        }

        key = string.Empty;
        return false;
    }

    public static bool TryGetIndexNumber(ExpressionValue index, out double number)
    {
        number = index switch
        {
            NumberValue n => n.Value,
            _ => ToNumber(index),
        };
        return !double.IsNaN(number) && index is not (ArrayValue or ObjectValue);
    }

    public static double ToNumber(ExpressionValue value) => value switch
    {
        NullValue => 0,
        BooleanValue b => b.Value ? 1 : 0,
        NumberValue n => n.Value,
        StringValue s => ParseNumber(s.Value),
        _ => double.NaN,
    };

    public static double ParseNumber(string s)
    {
        var t = s.Trim();
        if (t.Length == 0)
        {
            return 0;
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;
    }
}
