using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runtime.GitHub.Contexts;

namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>
/// The values a job passes to the workflow it calls (GHA-REUSE-1, GHA-WF-6): typed <c>inputs</c> from
/// <c>with:</c> (defaults by type: <c>false</c>, <c>0</c>, <c>""</c>), <c>secrets</c> from the <c>secrets:</c>
/// map or <c>inherit</c>, and the callee's <c>on.workflow_call.outputs</c> evaluated with its <c>jobs</c> context.
/// </summary>
internal static class ReusableCall
{
    /// <summary>The callee's <c>inputs</c> context; <paramref name="caller"/> holds the caller's github, inputs, vars, needs, strategy, matrix.</summary>
    public static Evaluated<ObjectValue> Inputs(ReusableWorkflowJob call, EvaluationContext caller, EvaluationContext defaults)
    {
        ArgumentNullException.ThrowIfNull(call);
        var given = call.InputValues?.Pairs.Where(p => p.Key is StringToken).ToDictionary(p => ((StringToken)p.Key).Value, p => p.Value, StringComparer.OrdinalIgnoreCase)
            ?? [];
        var values = new List<KeyValuePair<string, ExpressionValue>>();
        foreach (var (key, definitionToken) in call.InputDefinitions?.Pairs ?? [])
        {
            var name = ((StringToken)key).Value;
            var definition = definitionToken as MappingToken;
            var type = (definition?.Find("type") as StringToken)?.Value ?? "string";
            var value = given.TryGetValue(name, out var token) ? TokenEvaluator.Evaluate(token, caller)
                : definition?.Find("default") is { } fallback ? TokenEvaluator.Evaluate(fallback, defaults)
                : (Evaluated<ExpressionValue>)ExpressionValue.Null;
            if (!value.IsSuccess)
            {
                return value.Error;
            }

            var typed = Coerce(value.Value, type);
            if (typed is null)
            {
                return Diagnostic.Error(WorkflowRunDiagnosticCodes.ReusableWorkflow,
                    $"Input '{name}' of '{call.Ref.Value}' must be a {type}, not '{GitHubCoercion.ToDisplayString(value.Value)}'.", token?.Location ?? call.Ref.Location);
            }

            values.Add(KeyValuePair.Create(name, typed));
        }

        return new ObjectValue(values);
    }

    /// <summary>The callee's <c>secrets</c> context: the caller's with <c>inherit</c>, else the mapped ones; <c>GITHUB_TOKEN</c> always.</summary>
    public static Evaluated<ObjectValue> Secrets(ReusableWorkflowJob call, ObjectValue callerSecrets, EvaluationContext caller)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(callerSecrets);
        if (call.InheritSecrets)
        {
            return callerSecrets;
        }

        var values = new List<KeyValuePair<string, ExpressionValue>> { new("GITHUB_TOKEN", callerSecrets["GITHUB_TOKEN"]) };
        foreach (var (key, token) in call.SecretValues?.Pairs ?? [])
        {
            var value = TokenEvaluator.EvaluateString(token, caller);
            if (!value.IsSuccess)
            {
                return value.Error;
            }

            values.Add(KeyValuePair.Create(((StringToken)key).Value, ExpressionValue.From(value.Value)));
        }

        return new ObjectValue(values);
    }

    /// <summary>The call's outputs (<c>needs.&lt;call&gt;.outputs</c>) from the callee's <c>outputs.*.value</c> with github, inputs, vars and jobs.</summary>
    public static Evaluated<IReadOnlyDictionary<string, string>> Outputs(ReusableWorkflowJob call, EvaluationContext callee)
    {
        ArgumentNullException.ThrowIfNull(call);
        var outputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, definition) in call.Outputs?.Pairs ?? [])
        {
            var value = TokenEvaluator.EvaluateString((definition as MappingToken)?.Find("value"), callee);
            if (!value.IsSuccess)
            {
                return value.Error;
            }

            outputs[((StringToken)key).Value] = value.Value;
        }

        return outputs;
    }

    /// <summary>A value as the declared input type, or null when it cannot be one; null becomes the type's default.</summary>
    private static ExpressionValue? Coerce(ExpressionValue value, string type) => (type, value) switch
    {
        ("boolean", NullValue) => ExpressionValue.From(false),
        ("boolean", BooleanValue) => value,
        ("boolean", StringValue s) when bool.TryParse(GitHubCoercion.ToDisplayString(s), out var b) => ExpressionValue.From(b),
        ("number", NullValue) => ExpressionValue.From(0),
        ("number", NumberValue) => value,
        ("number", StringValue) when !double.IsNaN(GitHubCoercion.ToNumber(value)) => ExpressionValue.From(GitHubCoercion.ToNumber(value)),
        (_, NullValue) => ExpressionValue.From(string.Empty),
        (_, ObjectValue or ArrayValue) => null,
        ("boolean" or "number", _) => null,
        _ => ExpressionValue.From(GitHubCoercion.ToDisplayString(value)),
    };
}
