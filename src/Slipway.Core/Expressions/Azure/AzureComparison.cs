using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Expressions.Azure;

/// <summary>Equality and ordering in the Azure dialect: the right operand is cast to the left operand's type.</summary>
internal static class AzureComparison
{
    /// <summary>eq: a failed cast means "not equal"; arrays and objects are equal only to themselves.</summary>
    public static bool AreEqual(ExpressionValue left, ExpressionValue right)
    {
        switch (left)
        {
            case BooleanValue b:
                return b.Value == AzureCoercion.ToBoolean(right);
            case NumberValue n:
                return AzureCoercion.TryToNumber(right, out var d) && n.Value == d;
            case VersionValue v:
                return AzureCoercion.TryToVersion(right, out var rv) && v.Value == rv;
            case StringValue s:
                return AzureCoercion.TryToString(right, out var rs) && string.Equals(s.Value, rs, StringComparison.OrdinalIgnoreCase);
            case DateTimeValue t:
                return AzureCoercion.TryToDateTime(right, out var rt) && t.Value == rt;
            case NullValue:
                return AzureCoercion.TryToNull(right);
            default:
                return ReferenceEquals(left, right);
        }
    }

    /// <summary>gt/ge/lt/le: a failed cast is an error. An array or object on the left is cast to a number (and fails).</summary>
    public static int Compare(ExpressionValue left, ExpressionValue right)
    {
        switch (left)
        {
            case BooleanValue b:
                return b.Value.CompareTo(AzureCoercion.ToBoolean(right));
            case StringValue s:
                return string.Compare(s.Value, AzureCoercion.ToStringValue(right), StringComparison.OrdinalIgnoreCase);
            case VersionValue v:
                return v.Value.CompareTo(AzureCoercion.ToVersion(right));
            case DateTimeValue t:
                return t.Value.CompareTo(AzureCoercion.ToDateTime(right));
            default:
                var l = AzureCoercion.ToNumber(left);
                return l.CompareTo(AzureCoercion.ToNumber(right));
        }
    }
}
