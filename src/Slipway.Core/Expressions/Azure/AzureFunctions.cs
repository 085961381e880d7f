using Slipway.Core.Expressions.Syntax;
using Slipway.Core.Expressions.Values;
using static Slipway.Core.Expressions.Azure.AzureCoercion;

namespace Slipway.Core.Expressions.Azure;

/// <summary>The Azure Pipelines function table (spec AZP-EXPR-20..43).</summary>
internal static partial class AzureFunctions
{
    private const int Many = int.MaxValue;

    private static readonly Dictionary<string, FunctionDefinition> General = Table(
        new("and", 2, Many, And),
        new("or", 2, Many, Or),
        new("not", 1, 1, (c, a) => ExpressionValue.From(!ToBoolean(a[0].Evaluate(c)))),
        new("xor", 2, 2, (c, a) => ExpressionValue.From(ToBoolean(a[0].Evaluate(c)) ^ ToBoolean(a[1].Evaluate(c)))),
        new("eq", 2, 2, (c, a) => ExpressionValue.From(AzureComparison.AreEqual(a[0].Evaluate(c), a[1].Evaluate(c)))),
        new("ne", 2, 2, (c, a) => ExpressionValue.From(!AzureComparison.AreEqual(a[0].Evaluate(c), a[1].Evaluate(c)))),
        new("gt", 2, 2, (c, a) => ExpressionValue.From(AzureComparison.Compare(a[0].Evaluate(c), a[1].Evaluate(c)) > 0)),
        new("ge", 2, 2, (c, a) => ExpressionValue.From(AzureComparison.Compare(a[0].Evaluate(c), a[1].Evaluate(c)) >= 0)),
        new("lt", 2, 2, (c, a) => ExpressionValue.From(AzureComparison.Compare(a[0].Evaluate(c), a[1].Evaluate(c)) < 0)),
        new("le", 2, 2, (c, a) => ExpressionValue.From(AzureComparison.Compare(a[0].Evaluate(c), a[1].Evaluate(c)) <= 0)),
        new("in", 2, Many, (c, a) => ExpressionValue.From(In(c, a))),
        new("notIn", 2, Many, (c, a) => ExpressionValue.From(!In(c, a))),
        new("contains", 2, 2, (c, a) => StringTest(c, a, (s, t) => s.Contains(t, StringComparison.OrdinalIgnoreCase))),
        new("startsWith", 2, 2, (c, a) => StringTest(c, a, (s, t) => s.StartsWith(t, StringComparison.OrdinalIgnoreCase))),
        new("endsWith", 2, 2, (c, a) => StringTest(c, a, (s, t) => s.EndsWith(t, StringComparison.OrdinalIgnoreCase))),
        new("containsValue", 2, 2, ContainsValue),
        new("format", 1, byte.MaxValue, (c, a) => new StringValue(AzureFormat.Format(c, a))),
        new("join", 2, 2, Join),
        new("split", 2, 2, Split),
        new("replace", 2, 3, Replace),
        new("upper", 1, 1, (c, a) => new StringValue(ToStringValue(a[0].Evaluate(c)).ToUpperInvariant())),
        new("lower", 1, 1, (c, a) => new StringValue(ToStringValue(a[0].Evaluate(c)).ToLowerInvariant())),
        new("trim", 1, 1, (c, a) => new StringValue(ToStringValue(a[0].Evaluate(c)).Trim())),
        new("length", 1, 1, Length),
        new("coalesce", 2, Many, Coalesce),
        new("convertToJson", 1, 1, (c, a) => new StringValue(EvaluationBudget.Charge(ValueJson.Write(a[0].Evaluate(c), indented: true, FormatJsonNumber)))),
        new("iif", 3, 3, (c, a) => ToBoolean(a[0].Evaluate(c)) ? a[1].Evaluate(c) : a[2].Evaluate(c)));

    private static readonly Dictionary<string, FunctionDefinition> Status = Table(
        new("always", 0, 0, (c, a) => BooleanValue.True),
        new("canceled", 0, 0, (c, a) => StatusOf(c, a, StatusFunction.Canceled, "canceled")),
        new("failed", 0, Many, (c, a) => StatusOf(c, a, StatusFunction.Failed, "failed")),
        new("succeeded", 0, Many, (c, a) => StatusOf(c, a, StatusFunction.Succeeded, "succeeded")),
        new("succeededOrFailed", 0, Many, (c, a) => StatusOf(c, a, StatusFunction.SucceededOrFailed, "succeededOrFailed")));

    private static readonly FunctionDefinition Counter = new("counter", 2, 2, (c, a) =>
        new NumberValue(c.RequireHost("counter").NextCounter(ToStringValue(a[0].Evaluate(c)), ToNumber(a[1].Evaluate(c)))));

    /// <summary>The function a name refers to under these options, or null when it is not a function here.</summary>
    public static FunctionDefinition? Find(string name, ExpressionParseOptions options)
    {
        if (General.TryGetValue(name, out var function))
        {
            return function;
        }

        if (options.AllowStatusFunctions && Status.TryGetValue(name, out function))
        {
            return function;
        }

        return options.AllowCounter && string.Equals(name, "counter", StringComparison.OrdinalIgnoreCase) ? Counter : null;
    }

    private static Dictionary<string, FunctionDefinition> Table(params FunctionDefinition[] functions) =>
        functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    private static BooleanValue And(EvaluationContext c, IReadOnlyList<ExpressionNode> a)
    {
        foreach (var arg in a)
        {
            if (!ToBoolean(arg.Evaluate(c)))
            {
                return BooleanValue.False;
            }
        }

        return BooleanValue.True;
    }

    private static BooleanValue Or(EvaluationContext c, IReadOnlyList<ExpressionNode> a)
    {
        foreach (var arg in a)
        {
            if (ToBoolean(arg.Evaluate(c)))
            {
                return BooleanValue.True;
            }
        }

        return BooleanValue.False;
    }

    private static bool In(EvaluationContext c, IReadOnlyList<ExpressionNode> a)
    {
        var needle = a[0].Evaluate(c);
        for (var i = 1; i < a.Count; i++)
        {
            if (AzureComparison.AreEqual(needle, a[i].Evaluate(c)))
            {
                return true;
            }
        }

        return false;
    }

    private static ExpressionValue StringTest(EvaluationContext c, IReadOnlyList<ExpressionNode> a, Func<string, string, bool> test)
    {
        var left = ToStringValue(a[0].Evaluate(c));
        var right = ToStringValue(a[1].Evaluate(c));
        return ExpressionValue.From(test(left, right));
    }

    private static ExpressionValue StatusOf(EvaluationContext c, IReadOnlyList<ExpressionNode> a, StatusFunction function, string name)
    {
        var host = c.RequireHost(name);
        var names = a.Select(n => ToStringValue(n.Evaluate(c))).ToList();
        return ExpressionValue.From(host.EvaluateStatus(function, names));
    }
}
