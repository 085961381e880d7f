using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Tokens;

namespace Slipway.Core.Runtime.GitHub.Contexts;

/// <summary>
/// Evaluates the template tokens of a read workflow (<see cref="TemplateToken"/>) at run time, as the
/// runner does: literals become values, <c>${{ }}</c> expressions (string interpolation is already a
/// <c>format(...)</c> call) are evaluated against the contexts, mappings and sequences recursively,
/// and <c>${{ insert }}</c> keys merge an evaluated object into the mapping.
/// </summary>
internal static class TokenEvaluator
{
    /// <summary>The value of <paramref name="token"/>, or the first error with the token's location.</summary>
    public static Evaluated<ExpressionValue> Evaluate(TemplateToken? token, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (token is null)
        {
            return ExpressionValue.Null;
        }

        switch (token)
        {
            case StringToken s:
                return ExpressionValue.From(s.Value);
            case BooleanToken b:
                return ExpressionValue.From(b.Value);
            case NumberToken n:
                return ExpressionValue.From(n.Value);
            case NullToken:
                return ExpressionValue.Null;
            case BasicExpressionToken e:
                return EvaluateExpression(e, context);
            case SequenceToken sequence:
                var items = new List<ExpressionValue>(sequence.Items.Count);
                foreach (var item in sequence.Items)
                {
                    var value = Evaluate(item, context);
                    if (!value.IsSuccess)
                    {
                        return value;
                    }

                    items.Add(value.Value);
                }

                return new ArrayValue(items);
            case MappingToken mapping:
                return EvaluateMapping(mapping, context);
            default:
                return Diagnostic.Error(ExpressionDiagnosticCodes.NotAvailable, $"Unexpected '{token.TypeName}' here.", token.Location);
        }
    }

    /// <summary>As <see cref="Evaluate(TemplateToken?, EvaluationContext)"/>, building the contexts only when the token has an expression
    /// (building a step's contexts costs more than evaluating most of its tokens).</summary>
    public static Evaluated<ExpressionValue> Evaluate(TemplateToken? token, Func<EvaluationContext> context) => Evaluate(token, ContextFor(token, context));

    /// <inheritdoc cref="Evaluate(TemplateToken?, Func{EvaluationContext})"/>
    public static Evaluated<string> EvaluateString(TemplateToken? token, Func<EvaluationContext> context) => EvaluateString(token, ContextFor(token, context));

    /// <inheritdoc cref="Evaluate(TemplateToken?, Func{EvaluationContext})"/>
    public static Evaluated<bool> EvaluateBoolean(TemplateToken? token, Func<EvaluationContext> context) => EvaluateBoolean(token, ContextFor(token, context));

    private static EvaluationContext ContextFor(TemplateToken? token, Func<EvaluationContext> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IsLiteral(token) ? EvaluationContext.Empty : context();
    }

    /// <summary>Whether the token is absent or a scalar literal (no expression to evaluate).</summary>
    public static bool IsLiteral(TemplateToken? token) => token is null or StringToken or BooleanToken or NumberToken or NullToken;

    /// <summary>Whether the expression is one status function call and nothing else (<c>success()</c>, <c>always()</c>,
    /// <c>failure()</c>, <c>cancelled()</c>, as step conditions mostly are): it needs the host, none of the contexts.</summary>
    public static bool IsStatusCall(BasicExpressionToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var text = token.Expression.AsSpan().Trim();
        foreach (var call in StatusCalls)
        {
            if (text.Equals(call, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] StatusCalls = ["success()", "always()", "failure()", "cancelled()"];

    /// <summary>The string form of <paramref name="token"/> (<c>true</c>/<c>false</c>, JS number format; objects are an error).</summary>
    public static Evaluated<string> EvaluateString(TemplateToken? token, EvaluationContext context)
    {
        var value = Evaluate(token, context);
        if (!value.IsSuccess)
        {
            return value.Error;
        }

        if (!GitHubCoercion.IsPrimitive(value.Value))
        {
            return Diagnostic.Error(ExpressionDiagnosticCodes.NotAvailable, "A sequence or mapping was not expected here; a string was.", token!.Location);
        }

        return GitHubCoercion.ToDisplayString(value.Value);
    }

    /// <summary>The truthiness of <paramref name="token"/> as GitHub coerces it (for <c>if</c>, <c>continue-on-error</c>, ...).</summary>
    public static Evaluated<bool> EvaluateBoolean(TemplateToken? token, EvaluationContext context)
    {
        var value = Evaluate(token, context);
        return value.IsSuccess ? GitHubCoercion.ToBoolean(value.Value) : value.Error;
    }

    /// <summary>Parses and evaluates one expression (without <c>${{ }}</c>).</summary>
    public static Evaluated<ExpressionValue> EvaluateExpression(BasicExpressionToken token, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(context);
        var parsed = GitHubExpression.Parse(token.Expression, new ExpressionParseOptions
        {
            NamedValues = [.. context.Names],
            AllowStatusFunctions = true,
            AllowHashFiles = true,
            Location = token.Location,
        });
        if (parsed.Expression is null)
        {
            return parsed.Diagnostics[0];
        }

        var result = parsed.Expression.Evaluate(context);
        return result.Error is { } error ? error : result.Value;
    }

    private static Evaluated<ExpressionValue> EvaluateMapping(MappingToken mapping, EvaluationContext context)
    {
        var entries = new List<KeyValuePair<string, ExpressionValue>>(mapping.Pairs.Count);
        foreach (var (key, valueToken) in mapping.Pairs)
        {
            var value = Evaluate(valueToken, context);
            if (!value.IsSuccess)
            {
                return value;
            }

            if (key is InsertExpressionToken)
            {
                if (value.Value is ObjectValue inserted)
                {
                    entries.AddRange(inserted.Entries);
                }

                continue;
            }

            var name = Evaluate(key, context);
            if (!name.IsSuccess)
            {
                return name;
            }

            entries.Add(new(GitHubCoercion.ToDisplayString(name.Value), value.Value));
        }

        return new ObjectValue(entries);
    }
}
