using System.Globalization;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Expressions.Azure;

/// <summary>
/// Azure Pipelines type casting (spec AZP-EXPR-10..16): the right operand converts to the left
/// operand's type, strings compare ordinally ignoring case, numbers print as <c>0.#######</c>.
/// </summary>
internal static class AzureCoercion
{
    private const NumberStyles NumberParseStyles = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign
        | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowThousands;

    public static bool ToBoolean(ExpressionValue value) => value switch
    {
        NullValue => false,
        BooleanValue b => b.Value,
        NumberValue n => n.Value != 0,
        StringValue s => s.Value.Length > 0,
        _ => true,
    };

    public static string ToDisplayString(ExpressionValue value) =>
        TryToString(value, out var s) ? s : value.Kind == ValueKind.Array ? "Array" : "Object";

    public static bool TryToNumber(ExpressionValue value, out double result)
    {
        switch (value)
        {
            case NullValue:
                result = 0;
                return true;
            case BooleanValue b:
                result = b.Value ? 1 : 0;
                return true;
            case NumberValue n:
                result = n.Value;
                return true;
            case StringValue s:
                return TryParseNumber(s.Value, out result);
            default:
                result = 0;
                return false;
        }
    }

    /// <summary>'' is 0; otherwise decimal parsing with sign, point, thousands and surrounding white space (no exponent).</summary>
    public static bool TryParseNumber(string s, out double result)
    {
        if (s.Length == 0)
        {
            result = 0;
            return true;
        }

        if (decimal.TryParse(s, NumberParseStyles, CultureInfo.InvariantCulture, out var d))
        {
            result = (double)d;
            return true;
        }

        result = 0;
        return false;
    }

    public static bool TryToString(ExpressionValue value, out string result)
    {
        switch (value)
        {
            case NullValue:
                result = string.Empty;
                return true;
            case BooleanValue b:
                result = b.Value ? "True" : "False";
                return true;
            case NumberValue n:
                result = FormatNumber(n.Value);
                return true;
            case StringValue s:
                result = s.Value;
                return true;
            case VersionValue v:
                result = v.Value.ToString();
                return true;
            case DateTimeValue t:
                result = t.ToInvariantString();
                return true;
            default:
                result = string.Empty;
                return false;
        }
    }

    public static string FormatNumber(double d)
    {
        if (d == 0)
        {
            return "0";
        }

        if (!double.IsFinite(d) || Math.Abs(d) >= 7.9e28)
        {
            return d.ToString("0.#######", CultureInfo.InvariantCulture);
        }

        return ((decimal)d).ToString("0.#######", CultureInfo.InvariantCulture);
    }

    public static bool TryToVersion(ExpressionValue value, out Version result)
    {
        Version? parsed = null;
        var ok = value switch
        {
            VersionValue v => (parsed = v.Value) is not null,
            NumberValue n => Version.TryParse(FormatNumber(n.Value), out parsed),
            StringValue s => Version.TryParse(s.Value, out parsed),
            _ => false,
        };
        result = parsed ?? new Version();
        return ok && parsed is not null;
    }

    public static bool TryToDateTime(ExpressionValue value, out DateTimeOffset result)
    {
        switch (value)
        {
            case DateTimeValue t:
                result = t.Value;
                return true;
            case StringValue s when s.Value.Length > 0:
                return DateTimeOffset.TryParse(s.Value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out result);
            default:
                result = default;
                return false;
        }
    }

    public static bool TryToNull(ExpressionValue value) => value is NullValue or StringValue { Value.Length: 0 };

    public static double ToNumber(ExpressionValue value) =>
        TryToNumber(value, out var d) ? d : throw CastError(value, ValueKind.Number);

    public static string ToStringValue(ExpressionValue value) =>
        TryToString(value, out var s) ? s : throw CastError(value, ValueKind.String);

    public static Version ToVersion(ExpressionValue value) =>
        TryToVersion(value, out var v) ? v : throw CastError(value, ValueKind.Version);

    public static DateTimeOffset ToDateTime(ExpressionValue value) =>
        TryToDateTime(value, out var t) ? t : throw CastError(value, ValueKind.DateTime);

    /// <summary>Microsoft's "Unable to convert from X to Y. Value: V" (arrays are reported as Object, as the v1 engine does).</summary>
    public static ExpressionEvaluationException CastError(ExpressionValue value, ValueKind to) =>
        new(ExpressionDiagnosticCodes.TypeCast, $"Unable to convert from {KindName(value.Kind)} to {KindName(to)}. Value: {FormatForMessage(value)}");

    public static string KindName(ValueKind kind) => kind == ValueKind.Array ? "Object" : kind.ToString();

    public static string FormatForMessage(ExpressionValue value) => value switch
    {
        BooleanValue b => b.Value ? "True" : "False",
        NumberValue n => FormatNumber(n.Value),
        StringValue s => $"'{s.Value.Replace("'", "''", StringComparison.Ordinal)}'",
        VersionValue v => $"v{v.Value}",
        DateTimeValue t => "(DateTime)" + t.ToInvariantString(),
        _ => KindName(value.Kind),
    };
}
