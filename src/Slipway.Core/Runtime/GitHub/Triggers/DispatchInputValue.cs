using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Runtime.GitHub.Contexts;
using Codes = Slipway.Core.Runtime.GitHub.Triggers.TriggerDiagnosticCodes;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>One bound <c>workflow_dispatch</c> input: its typed value (the <c>inputs</c> context) and its text (<c>github.event.inputs</c>).</summary>
internal sealed record DispatchInputValue(ExpressionValue Typed, string Text)
{
    /// <summary>
    /// Types <paramref name="given"/> (null when not provided) as <paramref name="input"/> declares: the default
    /// when not provided; with neither, a required input is an error and an optional one is empty (<c>false</c>
    /// for a boolean, <c>""</c> otherwise, as the run form leaves it).
    /// </summary>
    public static Evaluated<DispatchInputValue> Bind(WorkflowInput input, string? given, SourceLocation location)
    {
        if (given is null)
        {
            return input.Default switch
            {
                bool b => Boolean(b),
                double d => new DispatchInputValue(ExpressionValue.From(d), ValueJson.FormatNumber(d)),
                string s => Parse(input, s, location),
                _ when input.Required == true => Diagnostic.Error(Codes.RequiredInput, $"Required input '{input.Name}' not provided", location),
                _ when input.Type == "boolean" => Boolean(false),
                _ => new DispatchInputValue(StringValue.Empty, string.Empty),
            };
        }

        return Parse(input, given, location);
    }

    private static Evaluated<DispatchInputValue> Parse(WorkflowInput input, string text, SourceLocation location)
    {
        switch (input.Type)
        {
            case "boolean":
                return bool.TryParse(text.Trim(), out var b) ? Boolean(b)
                    : Diagnostic.Error(Codes.InvalidBoolean, $"Provided value '{text}' for boolean input '{input.Name}' is not 'true' or 'false'", location);
            case "number":
                var number = text.Trim().Length == 0 ? double.NaN : GitHubCoercion.ToNumber(new StringValue(text));
                return double.IsNaN(number)
                    ? Diagnostic.Error(Codes.InvalidNumber, $"Provided value '{text}' for number input '{input.Name}' is not a number", location)
                    : new DispatchInputValue(ExpressionValue.From(number), text);
            case "choice" when input.Options is { } options && !options.Contains(text, StringComparer.Ordinal):
                return Diagnostic.Error(Codes.InvalidChoice,
                    $"Provided value '{text}' for input '{input.Name}' not in the list of allowed values: {FilterList.Quote(options)}", location);
            default:
                return new DispatchInputValue(ExpressionValue.From(text), text);
        }
    }

    private static DispatchInputValue Boolean(bool value) =>
        new(ExpressionValue.From(value), value ? "true" : "false");
}
