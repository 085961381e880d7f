using Slipway.Core.Pipelines.GitHub.Reading;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>
/// Checks of <c>on.workflow_dispatch.inputs</c> that the loose workflow schema leaves to the converter
/// (GitHub's workflow-parser <c>convertWorkflowDispatchInput</c>): known keys, choice options, boolean defaults.
/// </summary>
internal static class DispatchInputChecks
{
    private static readonly HashSet<string> Keys = ["description", "required", "default", "type", "options"];

    public static void Check(TemplateToken on, WorkflowErrors errors)
    {
        if ((on as MappingToken)?.Find("workflow_dispatch") is not MappingToken dispatch || dispatch.Find("inputs") is not MappingToken inputs)
        {
            return;
        }

        foreach (var input in inputs.Pairs.Select(p => p.Value).OfType<MappingToken>())
        {
            CheckInput(input, errors);
        }
    }

    private static void CheckInput(MappingToken input, WorkflowErrors errors)
    {
        foreach (var key in input.Pairs.Select(p => p.Key).OfType<StringToken>().Where(k => !Keys.Contains(k.Value)))
        {
            errors.Add(Codes.InvalidValue, $"Invalid key '{key.Value}'", key);
        }

        var type = (input.Find("type") as StringToken)?.Value ?? "string";
        var options = input.Find("options");
        if (type == "choice" && options is not SequenceToken { Items.Count: > 0 })
        {
            errors.Add(Codes.InvalidValue, "Missing 'options' for choice input", input);
        }
        else if (type != "choice" && options is not null)
        {
            errors.Add(Codes.InvalidValue, "Input type is not 'choice', but 'options' is defined", input);
        }

        if (type == "boolean" && input.Find("default") is { IsExpression: false } value and not BooleanToken)
        {
            errors.Add(Codes.InvalidValue,
                $"Unexpected type '{value.TypeName}' encountered while reading 'input default'. The type 'BooleanToken' was expected.", value);
        }
    }
}
