using System.Globalization;
using System.Text;
using Slipway.Core.Expressions.Syntax;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Expressions.Azure;

/// <summary>
/// format('{0} {1:yyyyMMdd}', ...): <c>{n}</c> placeholders, <c>{{</c>/<c>}}</c> escapes, and date/time
/// specifiers for DateTime arguments (spec AZP-EXPR-32). Each argument is evaluated at most once.
/// </summary>
internal static class AzureFormat
{
    public static string Format(EvaluationContext context, IReadOnlyList<ExpressionNode> args)
    {
        var format = AzureCoercion.ToStringValue(args[0].Evaluate(context));
        var cache = new ExpressionValue?[args.Count - 1];
        var sb = new StringBuilder();
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c == '{' && At(format, i + 1) == '{')
            {
                sb.Append('{');
                i += 2;
            }
            else if (c == '}' && At(format, i + 1) == '}')
            {
                sb.Append('}');
                i += 2;
            }
            else if (c == '{')
            {
                i = AppendArgument(context, args, cache, format, i, sb);
            }
            else if (c == '}')
            {
                throw Invalid(format);
            }
            else
            {
                sb.Append(c);
                i++;
            }

            EvaluationBudget.Check(sb.Length);
        }

        return EvaluationBudget.Charge(sb.ToString());
    }

    private static int AppendArgument(EvaluationContext context, IReadOnlyList<ExpressionNode> args, ExpressionValue?[] cache, string format, int lbrace, StringBuilder sb)
    {
        var i = lbrace + 1;
        while (char.IsAsciiDigit(At(format, i)))
        {
            i++;
        }

        if (i == lbrace + 1 || !byte.TryParse(format.AsSpan(lbrace + 1, i - lbrace - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !TryReadSpecifiers(format, i, out var specifiers, out var rbrace))
        {
            throw Invalid(format);
        }

        if (index >= args.Count - 1)
        {
            throw new ExpressionEvaluationException(ExpressionDiagnosticCodes.Format,
                $"The following format string references more arguments than were supplied: {format}");
        }

        var value = cache[index] ??= args[index + 1].Evaluate(context);
        var text = AzureCoercion.ToStringValue(value);
        if (specifiers.Length > 0)
        {
            text = value is DateTimeValue t
                ? FormatDateTime(t.Value, specifiers)
                : throw InvalidSpecifiers(specifiers, value.Kind);
        }

        sb.Append(text);
        return rbrace + 1;
    }

    private static bool TryReadSpecifiers(string format, int i, out string specifiers, out int rbrace)
    {
        specifiers = string.Empty;
        rbrace = i;
        if (At(format, i) == '}')
        {
            return true;
        }

        if (At(format, i) != ':')
        {
            return false;
        }

        var sb = new StringBuilder();
        for (i++; i < format.Length; i++)
        {
            if (format[i] != '}')
            {
                sb.Append(format[i]);
            }
            else if (At(format, i + 1) == '}')
            {
                sb.Append('}');
                i++;
            }
            else
            {
                specifiers = sb.ToString();
                rbrace = i;
                return true;
            }
        }

        return false;
    }

    private static string FormatDateTime(DateTimeOffset value, string specifiers)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < specifiers.Length)
        {
            var start = i;
            var c = specifiers[i++];
            if (c == '\\')
            {
                if (i >= specifiers.Length)
                {
                    throw InvalidSpecifiers(specifiers, ValueKind.DateTime);
                }

                sb.Append(specifiers[i++]);
                continue;
            }

            while (i < specifiers.Length && specifiers[i] == c)
            {
                i++;
            }

            var part = specifiers[start..i];
            sb.Append(part switch
            {
                "yyyy" or "yy" or "MM" or "dd" or "HH" or "mm" or "ss" or "ff" or "fff" or "ffff" or "fffff" or "ffffff" or "fffffff" or "zzz"
                    => value.ToString(part, CultureInfo.InvariantCulture),
                "M" or "d" or "H" or "m" or "s" or "f" or "K" => value.ToString("%" + part, CultureInfo.InvariantCulture),
                _ when c == ' ' => part,
                _ => throw InvalidSpecifiers(specifiers, ValueKind.DateTime),
            });
        }

        return sb.ToString();
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static ExpressionEvaluationException Invalid(string format) =>
        new(ExpressionDiagnosticCodes.Format, $"The following format string is invalid: {format}");

    private static ExpressionEvaluationException InvalidSpecifiers(string specifiers, ValueKind kind) =>
        new(ExpressionDiagnosticCodes.Format, $"The format specifiers '{specifiers}' are not valid for objects of type '{kind}'");
}
