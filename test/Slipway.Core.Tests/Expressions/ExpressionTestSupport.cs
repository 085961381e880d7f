using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Azure;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Tests.Expressions;

/// <summary>Shared helpers: evaluate text against a JSON context, and compare values structurally.</summary>
internal static class ExpressionTestSupport
{
    public static string ConformancePath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Conformance", .. parts]);

    public static EvaluationContext ContextFromJson(string json)
    {
        Assert.True(ValueJson.TryParse(json, out var value, out var error), error);
        return EvaluationContext.FromObject((ObjectValue)value);
    }

    /// <summary>Parses and evaluates Azure text; returns the value or the first error message.</summary>
    public static (ExpressionValue? Value, string? Error) EvaluateAzure(string text, EvaluationContext context, ExpressionParseOptions? options = null)
    {
        options ??= new ExpressionParseOptions { NamedValues = context.Names.ToList() };
        var parsed = AzureExpression.Parse(text, options);
        if (parsed.Expression is null)
        {
            return (null, parsed.Diagnostics[0].Message);
        }

        var result = parsed.Expression.Evaluate(context);
        return result.Error is null ? (result.Value, null) : (null, result.Error.Message);
    }

    public static ExpressionValue Azure(string text, string contextJson = "{}")
    {
        var (value, error) = EvaluateAzure(text, ContextFromJson(contextJson));
        Assert.True(error is null, error);
        return value!;
    }

    public static string? AzureError(string text, string contextJson = "{}") => EvaluateAzure(text, ContextFromJson(contextJson)).Error;

    /// <summary>Structural equality; numbers by value, strings ordinal, object keys ignoring case and order.</summary>
    public static bool DeepEquals(ExpressionValue a, ExpressionValue b) => (a, b) switch
    {
        (NullValue, NullValue) => true,
        (BooleanValue x, BooleanValue y) => x.Value == y.Value,
        (NumberValue x, NumberValue y) => x.Value.Equals(y.Value),
        (StringValue x, StringValue y) => x.Value == y.Value,
        (VersionValue x, VersionValue y) => x.Value == y.Value,
        (ArrayValue x, ArrayValue y) => x.Count == y.Count && x.Items.Zip(y.Items).All(p => DeepEquals(p.First, p.Second)),
        (ObjectValue x, ObjectValue y) => x.Count == y.Count
            && x.Entries.All(e => y.TryGetValue(e.Key, out var other) && DeepEquals(e.Value, other)),
        _ => false,
    };
}
