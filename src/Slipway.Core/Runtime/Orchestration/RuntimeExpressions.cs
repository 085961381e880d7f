using System.Collections.Concurrent;
using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Azure;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Planning;

namespace Slipway.Core.Runtime.Orchestration;

/// <summary>Parses runtime expressions once (conditions, <c>$[ ]</c> values) and evaluates them to strings or booleans.</summary>
internal static class RuntimeExpressions
{
    private static readonly ConcurrentDictionary<(string Text, bool Counter), ParseResult> Cache = new();

    public static ExpressionText DefaultCondition { get; } = new("succeeded()", SourceLocation.None);

    /// <summary>A condition's value; an expression that cannot be parsed or evaluated is an error message (the unit fails, as Azure fails it).</summary>
    public static (bool Value, Diagnostic? Error) EvaluateCondition(ExpressionText? condition, EvaluationContext context)
    {
        var (value, error) = Evaluate(condition ?? DefaultCondition, context, allowCounter: false);
        return (error is null && value.ToBoolean(), error);
    }

    /// <summary>A <c>$[ ]</c> value as the string a variable gets (AZP-VAR-3: null becomes '').</summary>
    public static (string Value, Diagnostic? Error) EvaluateString(ExpressionText expression, EvaluationContext context)
    {
        var (value, error) = Evaluate(expression, context, allowCounter: true);
        return (error is null ? AzureCoercion.ToStringValue(value) : string.Empty, error);
    }

    public static (ExpressionValue Value, Diagnostic? Error) Evaluate(ExpressionText expression, EvaluationContext context, bool allowCounter)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = Strip(expression.Text);
        var parsed = Cache.GetOrAdd((text, allowCounter), key => AzureExpression.Parse(key.Text, new ExpressionParseOptions
        {
            NamedValues = AzureExpression.RuntimeNames,
            AllowStatusFunctions = !key.Counter,
            AllowCounter = key.Counter,
            Location = expression.Location,
        }));
        if (parsed.Expression is not { } parsedExpression)
        {
            return (ExpressionValue.Null, parsed.Diagnostics.FirstOrDefault(d => d.IsError)
                ?? Diagnostic.Error(RuntimeDiagnosticCodes.ConditionError, $"The expression '{text}' is not valid.", expression.Location));
        }

        var result = parsedExpression.Evaluate(context);
        return (result.Value, result.Error);
    }

    /// <summary><c>$[ expr ]</c> → <c>expr</c>; other text is returned unchanged.</summary>
    public static string Strip(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith("$[", StringComparison.Ordinal) && trimmed.EndsWith(']')
            ? trimmed[2..^1].Trim()
            : trimmed;
    }

    /// <summary>The <c>pipeline</c> object of runtime expressions: <c>pipeline.startTime</c> (AZP-EXPR-44), in stage, job and step conditions and <c>$[ ]</c> values.</summary>
    public static KeyValuePair<string, ExpressionValue> Pipeline(DateTimeOffset startTime) =>
        KeyValuePair.Create("pipeline", (ExpressionValue)new ObjectValue([KeyValuePair.Create("startTime", (ExpressionValue)new DateTimeValue(startTime))]));

    public static ObjectValue ToObject(IEnumerable<KeyValuePair<string, string>> values) =>
        new(values.Select(v => KeyValuePair.Create(v.Key, ExpressionValue.From(v.Value))));
}
