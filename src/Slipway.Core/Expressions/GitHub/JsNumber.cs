using System.Globalization;
using System.Text;

namespace Slipway.Core.Expressions.GitHub;

/// <summary>
/// Number text as GitHub's expression engine reads and writes it (JavaScript <c>Number()</c> parsing:
/// hex <c>0x</c>, octal <c>0o</c>, binary <c>0b</c>, exponents, Infinity; JavaScript number printing).
/// </summary>
internal static class JsNumber
{
    /// <summary>Parses like JavaScript's <c>Number(text)</c>: surrounding white space ignored, '' is 0, anything else invalid is NaN.</summary>
    public static double Parse(string text)
    {
        var s = text.AsSpan().Trim(" \t\n\r\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff");
        if (s.Length == 0)
        {
            return 0;
        }

        if (s.Length > 2 && s[0] == '0' && s[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            return ParseRadix(s[2..], s[1] is 'x' or 'X' ? 16 : s[1] is 'o' or 'O' ? 8 : 2);
        }

        var sign = s[0] == '-' ? -1 : 1;
        var unsigned = s[0] is '+' or '-' ? s[1..] : s;
        if (unsigned.SequenceEqual("Infinity"))
        {
            return sign * double.PositiveInfinity;
        }

        return IsDecimal(unsigned) && double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out var d) ? d : double.NaN;
    }

    private static double ParseRadix(ReadOnlySpan<char> digits, int radix)
    {
        double value = 0;
        foreach (var c in digits)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return double.NaN;
            }

            value = (value * radix) + digit;
        }

        return value;
    }

    /// <summary>digits [. digits] [e [sign] digits], or . digits [...]; at least one mantissa digit.</summary>
    private static bool IsDecimal(ReadOnlySpan<char> s)
    {
        var i = 0;
        var mantissaDigits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            mantissaDigits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                mantissaDigits++;
            }
        }

        if (mantissaDigits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            i += i < s.Length && s[i] is '+' or '-' ? 1 : 0;
            var exponentStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    /// <summary>GitHub's number-to-string: at most 15 decimal places, then JavaScript formatting; -0 is "0".</summary>
    public static string ToExpressionString(double d)
    {
        if (d == 0)
        {
            return "0";
        }

        if (double.IsFinite(d) && Math.Abs(d) < 1e21)
        {
            d = double.Parse(d.ToString("F15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        return d == 0 ? "0" : ToJsString(d);
    }

    /// <summary>JavaScript's Number.prototype.toString(): shortest round-trip digits, exponent outside [1e-7, 1e21).</summary>
    public static string ToJsString(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        if (d == 0)
        {
            return "0";
        }

        var (digits, n) = ShortestDigits(Math.Abs(d));
        var k = digits.Length;
        var sb = new StringBuilder(d < 0 ? "-" : string.Empty);
        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (n > 0 && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (n > -6 && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }

            sb.Append('e').Append(n - 1 >= 0 ? "+" : "-").Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>The shortest digits that round-trip and the decimal exponent n, so value = 0.digits × 10^n.</summary>
    private static (string Digits, int N) ShortestDigits(double positive)
    {
        var r = positive.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOfAny(['E', 'e']);
        var exponent = e >= 0 ? int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var mantissa = e >= 0 ? r[..e] : r;
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intDigits = point >= 0 ? point : mantissa.Length;
        var all = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var leading = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        return (digits, intDigits - leading + exponent);
    }
}
