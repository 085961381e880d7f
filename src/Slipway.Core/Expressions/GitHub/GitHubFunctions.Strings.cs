using System.Text;
using Slipway.Core.Expressions.Values;
using static Slipway.Core.Expressions.GitHub.GitHubCoercion;

namespace Slipway.Core.Expressions.GitHub;

internal static partial class GitHubFunctions
{
    private static BooleanValue Contains(ExpressionValue[] a)
    {
        var (search, item) = (a[0], a[1]);
        if (IsPrimitive(search))
        {
            return (BooleanValue)ExpressionValue.From(IsPrimitive(item)
                && ToDisplayString(search).ToLowerInvariant().Contains(ToDisplayString(item).ToLowerInvariant(), StringComparison.Ordinal));
        }

        return (BooleanValue)ExpressionValue.From(search is ArrayValue array && array.Items.Any(v => AreEqual(item, v)));
    }

    private static BooleanValue StringTest(ExpressionValue[] a, Func<string, string, bool> test) =>
        (BooleanValue)ExpressionValue.From(IsPrimitive(a[0]) && IsPrimitive(a[1])
            && test(ToUpperSpecial(ToDisplayString(a[0])), ToUpperSpecial(ToDisplayString(a[1]))));

    private static StringValue Join(ExpressionValue[] a)
    {
        if (IsPrimitive(a[0]))
        {
            return new StringValue(ToDisplayString(a[0]));
        }

        if (a[0] is not ArrayValue array)
        {
            return StringValue.Empty;
        }

        var separator = a.Length > 1 && IsPrimitive(a[1]) ? ToDisplayString(a[1]) : ",";
        var sb = new StringBuilder();
        for (var i = 0; i < array.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : separator).Append(ToDisplayString(array.Items[i]));
            EvaluationBudget.Check(sb.Length);
        }

        return new StringValue(EvaluationBudget.Charge(sb.ToString()));
    }

    private static ExpressionValue FromJson(ExpressionValue[] a)
    {
        var text = ToDisplayString(a[0]);
        if (text.Trim().Length == 0)
        {
            throw new ExpressionEvaluationException(ExpressionDiagnosticCodes.InvalidArgument, "empty input");
        }

        return ValueJson.TryParse(text, out var value, out var error)
            ? value
            : throw new ExpressionEvaluationException(ExpressionDiagnosticCodes.InvalidArgument, $"Error parsing JSON when evaluating fromJson: {error}");
    }

    /// <summary>toJSON prints numbers as JavaScript's JSON.stringify does (-0 as 0, NaN and Infinity as null).</summary>
    private static string JsonNumber(double d) => double.IsFinite(d) ? (d == 0 ? "0" : JsNumber.ToJsString(d)) : "null";
}
