using System.Text;
using Slipway.Core.Expressions.Syntax;
using Slipway.Core.Expressions.Values;
using static Slipway.Core.Expressions.Azure.AzureCoercion;

namespace Slipway.Core.Expressions.Azure;

internal static partial class AzureFunctions
{
    private static ExpressionValue ContainsValue(EvaluationContext c, IReadOnlyList<ExpressionNode> a)
    {
        var collection = a[0].Evaluate(c);
        var needle = a[1].Evaluate(c);
        IEnumerable<ExpressionValue> items = collection switch
        {
            ArrayValue array => array.Items,
            ObjectValue obj => obj.Entries.Select(e => e.Value),
            _ => [],
        };
        return ExpressionValue.From(items.Any(item => AzureComparison.AreEqual(needle, item)));
    }

    private static StringValue Join(EvaluationContext c, IReadOnlyList<ExpressionNode> a)
    {
        var separator = ToStringValue(a[0].Evaluate(c));
        var items = a[1].Evaluate(c);
        if (items is not ArrayValue array)
        {
            return new StringValue(TryToString(items, out var s) ? s : string.Empty);
        }

        var sb = new StringBuilder();
        for (var i = 0; i < array.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : separator);
            sb.Append(TryToString(array.Items[i], out var s) ? s : string.Empty);
            EvaluationBudget.Check(sb.Length);
        }

        return new StringValue(EvaluationBudget.Charge(sb.ToString()));
    }

    private static ArrayValue Split(EvaluationContext c, IReadOnlyList<ExpressionNode> a)
    {
        var text = ToStringValue(a[0].Evaluate(c));
        var delimiter = ToStringValue(a[1].Evaluate(c));
        if (delimiter.Length == 0)
        {
            return new ArrayValue([new StringValue(text)]);
        }

        return new ArrayValue(text.Split(delimiter).Select(p => (ExpressionValue)new StringValue(p)).ToList());
    }

    private static StringValue Replace(EvaluationContext c, IReadOnlyList<ExpressionNode> a)
    {
        var text = ToStringValue(a[0].Evaluate(c));
        var old = ToStringValue(a[1].Evaluate(c));
        var replacement = a.Count > 2 ? ToStringValue(a[2].Evaluate(c)) : string.Empty;
        if (old.Length == 0)
        {
            return new StringValue(text);
        }

        return new StringValue(EvaluationBudget.Charge(text.Replace(old, replacement, StringComparison.OrdinalIgnoreCase)));
    }

    private static NumberValue Length(EvaluationContext c, IReadOnlyList<ExpressionNode> a) => a[0].Evaluate(c) switch
    {
        ArrayValue array => new NumberValue(array.Count),
        ObjectValue obj => new NumberValue(obj.Count),
        var value => new NumberValue(ToStringValue(value).Length),
    };

    private static ExpressionValue Coalesce(EvaluationContext c, IReadOnlyList<ExpressionNode> a)
    {
        foreach (var arg in a)
        {
            var value = arg.Evaluate(c);
            if (value is not (NullValue or StringValue { Value.Length: 0 }))
            {
                return value;
            }
        }

        return ExpressionValue.Null;
    }

    private static string FormatJsonNumber(double d) => FormatNumber(d);
}
