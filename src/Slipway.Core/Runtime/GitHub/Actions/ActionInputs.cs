using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runtime.GitHub.Contexts;

namespace Slipway.Core.Runtime.GitHub.Actions;

/// <summary>
/// A step's inputs after <c>with:</c> was evaluated and the manifest's defaults applied (GHA-STEP-6).
/// Names compare case-insensitively, as the runner's input dictionary does.
/// </summary>
internal sealed record ActionInputs(IReadOnlyList<KeyValuePair<string, string>> Values, IReadOnlyList<string> Warnings)
{
    /// <summary>The value of an input, or null.</summary>
    public string? this[string name] => Values.FirstOrDefault(v => string.Equals(v.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The <c>inputs</c> context of a composite action's steps.</summary>
    public ObjectValue ToContext() => new(Values.Select(v => new KeyValuePair<string, ExpressionValue>(v.Key, ExpressionValue.From(v.Value))));

    /// <summary><c>INPUT_&lt;NAME&gt;</c> variables: spaces become <c>_</c>, upper case (RUN <c>Handler.cs</c>).</summary>
    public IEnumerable<KeyValuePair<string, string>> ToEnvironment() =>
        Values.Select(v => new KeyValuePair<string, string>(EnvironmentName(v.Key), v.Value));

    public static string EnvironmentName(string input) => "INPUT_" + input.Replace(' ', '_').ToUpperInvariant();

    /// <summary>
    /// Evaluates <paramref name="with"/>, warns about deprecated inputs and, for actions with a manifest
    /// (<paramref name="manifest"/> not null), adds the defaults of the inputs not given and warns about
    /// inputs the manifest does not declare (the step still runs).
    /// </summary>
    public static Evaluated<ActionInputs> Resolve(ActionManifest? manifest, TemplateToken? with, EvaluationContext context)
    {
        var given = TokenEvaluator.Evaluate(with, context);
        if (!given.IsSuccess)
        {
            return given.Error with { Code = ActionDiagnosticCodes.InputEvaluation };
        }

        var values = new List<KeyValuePair<string, string>>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (given.Value is ObjectValue withObject)
        {
            foreach (var (key, value) in withObject.Entries)
            {
                if (!GitHubCoercion.IsPrimitive(value))
                {
                    return Diagnostic.Error(ActionDiagnosticCodes.InputInvalid, $"The input '{key}' must be a string, not a sequence or mapping.", with!.Location);
                }

                Set(values, index, key, GitHubCoercion.ToDisplayString(value));
            }
        }

        var warnings = new List<string>();
        if (manifest is null)
        {
            return new ActionInputs(values, warnings);
        }

        foreach (var (key, _) in values)
        {
            if (manifest.Inputs.FirstOrDefault(i => string.Equals(i.Id, key, StringComparison.OrdinalIgnoreCase)) is { DeprecationMessage: { } message })
            {
                warnings.Add($"Input '{key}' has been deprecated with message: {message}");
            }
        }

        var unexpected = values.Select(v => v.Key).Where(k => !manifest.Inputs.Any(i => string.Equals(i.Id, k, StringComparison.OrdinalIgnoreCase))).ToList();
        foreach (var input in manifest.Inputs.Where(i => !index.ContainsKey(i.Id)))
        {
            var value = TokenEvaluator.EvaluateString(input.Default, context);
            if (!value.IsSuccess)
            {
                return value.Error with { Code = ActionDiagnosticCodes.InputEvaluation };
            }

            Set(values, index, input.Id, value.Value);
        }

        if (unexpected.Count > 0)
        {
            warnings.Add($"Unexpected input(s) '{string.Join("', '", unexpected)}', valid inputs are ['{string.Join("', '", manifest.Inputs.Select(i => i.Id))}']");
        }

        return new ActionInputs(values, warnings);
    }

    private static void Set(List<KeyValuePair<string, string>> values, Dictionary<string, int> index, string key, string value)
    {
        if (index.TryGetValue(key, out var at))
        {
            values[at] = new(values[at].Key, value);
            return;
        }

        index[key] = values.Count;
        values.Add(new(key, value));
    }
}
