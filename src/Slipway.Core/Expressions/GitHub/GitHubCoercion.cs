using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Expressions.GitHub;

/// <summary>
/// GitHub Actions coercion (spec GHA-EXPR-5..12): falsy values, loose equality through numbers,
/// case-insensitive string comparison of upper-cased text, JavaScript number text.
/// </summary>
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

    public static bool IsPrimitive(ExpressionValue value) => value is not (ArrayValue or ObjectValue);

    /// <summary>null is '', booleans true/false, numbers as GitHub prints them, arrays "Array", objects "Object".</summary>
    public static string ToDisplayString(ExpressionValue value) => value switch
    {
        NullValue => string.Empty,
        BooleanValue b => b.Value ? "true" : "false",
        NumberValue n => JsNumber.ToExpressionString(n.Value),
        StringValue s => s.Value,
        VersionValue v => v.Value.ToString(),
        DateTimeValue t => t.ToInvariantString(),
        ArrayValue => "Array",
        _ => "Object",
    };

    public static double ToNumber(ExpressionValue value) => value switch
    {
        NullValue => 0,
        BooleanValue b => b.Value ? 1 : 0,
        NumberValue n => n.Value,
        StringValue s => JsNumber.Parse(s.Value),
        _ => double.NaN,
    };

    public static bool TryGetIndexKey(ExpressionValue index, out string key)
    {
        key = IsPrimitive(index) ? ToDisplayString(index) : string.Empty;
        return IsPrimitive(index);
    }

    public static bool TryGetIndexNumber(ExpressionValue index, out double number)
    {
        number = ToNumber(index);
        return double.IsFinite(number) && number >= 0;
    }

    public static bool AreEqual(ExpressionValue left, ExpressionValue right)
    {
        var (l, r) = Coerce(left, right);
        return (l, r) switch
        {
            (NullValue, NullValue) => true,
            (NumberValue a, NumberValue b) => a.Value == b.Value,
            (StringValue a, StringValue b) => string.Equals(ToUpperSpecial(a.Value), ToUpperSpecial(b.Value), StringComparison.Ordinal),
            (BooleanValue a, BooleanValue b) => a.Value == b.Value,
            (ArrayValue or ObjectValue, _) => ReferenceEquals(l, r),
            _ => false,
        };
    }

    /// <summary>Sign of the ordering of left and right, or null when they are not ordered (different kinds, NaN).</summary>
    public static int? Compare(ExpressionValue left, ExpressionValue right)
    {
        var (l, r) = Coerce(left, right);
        return (l, r) switch
        {
            (NumberValue a, NumberValue b) when !double.IsNaN(a.Value) && !double.IsNaN(b.Value) => a.Value.CompareTo(b.Value),
            (StringValue a, StringValue b) => Math.Sign(string.CompareOrdinal(ToUpperSpecial(a.Value), ToUpperSpecial(b.Value))),
            (BooleanValue a, BooleanValue b) => a.Value.CompareTo(b.Value),
            _ => null,
        };
    }

    /// <summary>Upper-cases ordinally-invariantly, except the dotless 'ı' (as GitHub does).</summary>
    public static string ToUpperSpecial(string s)
    {
        if (!s.Contains('ı', StringComparison.Ordinal))
        {
            return s.ToUpperInvariant();
        }

        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] == 'ı' ? 'ı' : char.ToUpperInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>Number vs string: the string becomes a number; null or boolean on either side becomes a number.</summary>
    private static (ExpressionValue Left, ExpressionValue Right) Coerce(ExpressionValue left, ExpressionValue right)
    {
        while (left.Kind != right.Kind)
        {
            if (left is NumberValue && right is StringValue)
            {
                return (left, new NumberValue(ToNumber(right)));
            }

            if (left is StringValue && right is NumberValue)
            {
                return (new NumberValue(ToNumber(left)), right);
            }

            if (left is NullValue or BooleanValue)
            {
                left = new NumberValue(ToNumber(left));
            }
            else if (right is NullValue or BooleanValue)
            {
                right = new NumberValue(ToNumber(right));
            }
            else
            {
                break;
            }
        }

        return (left, right);
    }
}
