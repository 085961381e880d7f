using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runtime.GitHub.Contexts;
using Codes = Slipway.Core.Runtime.GitHub.Triggers.TriggerDiagnosticCodes;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>
/// Binds <c>--input name=value</c> (and the payload's <c>inputs</c>) to a workflow's <c>workflow_dispatch</c>
/// inputs (GHA-WF-5): every declared input gets its value or default, typed in <c>inputs</c> (booleans stay
/// booleans, numbers numbers) and a string in <c>github.event.inputs</c>. Unknown inputs, missing required
/// ones, and values that are not of the declared type are errors at the input's declaration.
/// </summary>
internal static class DispatchInputs
{
    public static Evaluated<TriggeringEvent> Bind(Workflow workflow, TriggeringEvent e, IReadOnlyList<KeyValuePair<string, string>> inputs)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(inputs);
        if (e.Name != EventNames.WorkflowDispatch)
        {
            return inputs.Count == 0 ? e
                : Diagnostic.Error(Codes.InputsWithoutDispatch, $"--input is for the workflow_dispatch event; this run's event is '{e.Name}'.", new SourceLocation(workflow.File, 0, 0));
        }

        var declared = workflow.Events[EventNames.WorkflowDispatch]?.Inputs ?? [];
        var given = Given(e.Payload, inputs);
        var unknown = given.Keys.Where(k => !declared.Any(d => Same(d.Name, k))).ToList();
        if (unknown.Count > 0)
        {
            var names = declared.Count == 0 ? "it declares no inputs" : "it declares " + string.Join(", ", declared.Select(d => d.Name));
            return Diagnostic.Error(Codes.UnexpectedInput,
                $"Unexpected inputs provided: [{string.Join(", ", unknown.Select(u => "\"" + JsonEncodedText.Encode(u, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\""))}] ({names}).", InputsLocation(workflow));
        }

        var typed = new List<KeyValuePair<string, ExpressionValue>>();
        var strings = new JsonObject();
        foreach (var input in declared)
        {
            var value = DispatchInputValue.Bind(input, Lookup(given, input.Name), InputLocation(workflow, input.Name));
            if (!value.IsSuccess)
            {
                return value.Error;
            }

            typed.Add(new(input.Name, value.Value.Typed));
            strings[input.Name] = value.Value.Text;
        }

        var payload = (JsonObject)e.Payload.DeepClone();
        payload["inputs"] = strings;
        payload["workflow"] = WorkflowPath(workflow.File);
        return e with { Payload = payload, Inputs = new ObjectValue(typed) };
    }

    /// <summary>The payload's string <c>inputs</c>, then the <c>--input</c> pairs (the last value of a name wins).</summary>
    private static Dictionary<string, string> Given(JsonObject payload, IReadOnlyList<KeyValuePair<string, string>> inputs)
    {
        var given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (payload["inputs"] is JsonObject fromPayload)
        {
            foreach (var (name, node) in fromPayload)
            {
                if (node is JsonValue v)
                {
                    given[name] = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
                }
            }
        }

        foreach (var (name, value) in inputs)
        {
            given[name] = value;
        }

        return given;
    }

    private static string? Lookup(Dictionary<string, string> given, string name) => given.TryGetValue(name, out var v) ? v : null;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary><c>.github/workflows/ci.yml</c> for a workflow under a <c>.github</c> folder, else the file name.</summary>
    private static string WorkflowPath(string file)
    {
        var normalized = file.Replace('\\', '/');
        var at = normalized.LastIndexOf(".github/", StringComparison.Ordinal);
        return at >= 0 ? normalized[at..] : Path.GetFileName(normalized);
    }

    private static MappingToken? InputsToken(Workflow workflow) =>
        (workflow.On as MappingToken)?.Find(EventNames.WorkflowDispatch) is MappingToken dispatch ? dispatch.Find("inputs") as MappingToken : null;

    /// <summary>Where <c>inputs:</c> is written under <c>workflow_dispatch</c> (else <c>on:</c>'s value, else the file).</summary>
    private static SourceLocation InputsLocation(Workflow workflow) =>
        ((workflow.On as MappingToken)?.Find(EventNames.WorkflowDispatch) as MappingToken)?.Pairs
            .FirstOrDefault(p => p.Key is StringToken { Value: "inputs" })?.Key.Location
        ?? workflow.On?.Location ?? new SourceLocation(workflow.File, 0, 0);

    private static SourceLocation InputLocation(Workflow workflow, string name) =>
        InputsToken(workflow)?.Pairs.FirstOrDefault(p => p.Key is StringToken k && k.Value == name)?.Key.Location ?? InputsLocation(workflow);
}
