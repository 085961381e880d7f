using System.Text;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Expressions.GitHub;

/// <summary>format('{0} {1}', ...): <c>{N}</c> placeholders and <c>{{</c>/<c>}}</c> escapes (spec GHA-FN-3).</summary>
internal static class GitHubFormat
{
    public static string Format(ExpressionValue[] args)
    {
        var format = GitHubCoercion.ToDisplayString(args[0]);
        var sb = new StringBuilder();
        var index = 0;
        while (index < format.Length)
        {
            var lbrace = format.IndexOf('{', index);
            var rbrace = format.IndexOf('}', index);
            if (lbrace >= 0 && (rbrace < 0 || rbrace > lbrace))
            {
                if (At(format, lbrace + 1) == '{')
                {
                    sb.Append(format, index, lbrace - index + 1);
                    index = lbrace + 2;
                    continue;
                }

                if (rbrace > lbrace + 1 && TryReadIndex(format, lbrace + 1, out var argIndex))
                {
                    if (argIndex + 1 > args.Length - 1)
                    {
                        throw new ExpressionEvaluationException(ExpressionDiagnosticCodes.Format,
                            $"The following format string references more arguments than were supplied: {format}");
                    }

                    sb.Append(format, index, lbrace - index).Append(GitHubCoercion.ToDisplayString(args[argIndex + 1]));
                    index = rbrace + 1;
                    EvaluationBudget.Check(sb.Length);
                    continue;
                }

                throw Invalid(format);
            }

            if (rbrace < 0)
            {
                sb.Append(format, index, format.Length - index);
                break;
            }

            if (At(format, rbrace + 1) != '}')
            {
                throw Invalid(format);
            }

            sb.Append(format, index, rbrace - index + 1);
            index = rbrace + 2;
        }

        return EvaluationBudget.Charge(sb.ToString());
    }

    private static bool TryReadIndex(string format, int start, out int index)
    {
        var length = 0;
        while (char.IsAsciiDigit(At(format, start + length)))
        {
            length++;
        }

        index = 0;
        return length > 0 && int.TryParse(format.AsSpan(start, Math.Min(length, 9)), out index);
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static ExpressionEvaluationException Invalid(string format) =>
        new(ExpressionDiagnosticCodes.Format, $"The following format string is invalid: {format}");
}
