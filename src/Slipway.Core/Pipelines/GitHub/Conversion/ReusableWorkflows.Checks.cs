using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>A call against the called workflow: required, undefined and mistyped inputs and secrets.</summary>
internal sealed partial class ReusableWorkflows
{
    private void CheckInputs(ReusableWorkflowJob job)
    {
        var values = ByName(job.InputValues);
        foreach (var (name, definition) in ByName(job.InputDefinitions))
        {
            var type = ((definition as MappingToken)?.Find("type") as StringToken)?.Value;
            CheckInputType(type, (definition as MappingToken)?.Find("default"));
            CheckInputType(type, values.GetValueOrDefault(name));
            var required = (definition as MappingToken)?.Find("required") is BooleanToken { Value: true };
            if (required && !values.ContainsKey(name))
            {
                errors.Add(Codes.ReusableWorkflow, $"Input {name} is required, but not provided while calling.", job.Ref);
            }
        }

        ReportUndefined(values, ByName(job.InputDefinitions), "input");
    }

    /// <summary>A literal input value must fit the declared type (strings accept any scalar, as GitHub coerces them).</summary>
    private void CheckInputType(string? type, TemplateToken? value)
    {
        if (value is null || value.Traverse().Any(t => t.IsExpression))
        {
            return;
        }

        var fits = type switch
        {
            "boolean" => value is BooleanToken,
            "number" => value is NumberToken,
            "string" => value.IsLiteral,
            _ => true,
        };
        if (!fits)
        {
            errors.Add(Codes.UnexpectedValue, value switch
            {
                MappingToken => "A mapping was not expected",
                SequenceToken => "A sequence was not expected",
                _ => $"Unexpected value '{value}'",
            }, value);
        }
    }

    private void CheckSecrets(ReusableWorkflowJob job)
    {
        if (job.InheritSecrets)
        {
            return;
        }

        var values = ByName(job.SecretValues);
        foreach (var (name, definition) in ByName(job.SecretDefinitions))
        {
            var required = (definition as MappingToken)?.Find("required") is BooleanToken { Value: true };
            if (required && !values.ContainsKey(name))
            {
                errors.Add(Codes.ReusableWorkflow, $"Secret {name} is required, but not provided while calling.", job.Ref);
            }
        }

        ReportUndefined(values, ByName(job.SecretDefinitions), "secret");
    }

    private void ReportUndefined(Dictionary<string, TemplateToken> values, Dictionary<string, TemplateToken> definitions, string kind)
    {
        foreach (var (name, value) in values)
        {
            if (!definitions.ContainsKey(name))
            {
                errors.Add(Codes.ReusableWorkflow, $"Invalid {kind}, {name} is not defined in the referenced workflow.", value);
            }
        }
    }

    private static Dictionary<string, TemplateToken> ByName(MappingToken? mapping)
    {
        var result = new Dictionary<string, TemplateToken>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in mapping?.Pairs ?? [])
        {
            result.TryAdd(pair.Key.ToString()!, pair.Value);
        }

        return result;
    }
}
