// placeholder: replaced by Triggers/ from ghaevents
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Runtime.GitHub.Contexts;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>Binds <c>--input</c> values to a <c>workflow_dispatch</c> workflow's inputs.</summary>
internal static class DispatchInputs
{
    public static Evaluated<TriggeringEvent> Bind(Workflow workflow, TriggeringEvent e, IReadOnlyList<KeyValuePair<string, string>> inputs)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(inputs);
        var values = new Dictionary<string, ExpressionValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var input in workflow.Events[e.Name]?.Inputs ?? [])
        {
            values[input.Name] = input.Default switch
            {
                bool b => ExpressionValue.From(b),
                double d => ExpressionValue.From(d),
                string s => ExpressionValue.From(s),
                _ => ExpressionValue.From(string.Empty),
            };
        }

        foreach (var (name, value) in inputs)
        {
            values[name] = ExpressionValue.From(value);
        }

        return e with { Inputs = new ObjectValue(values.Select(v => KeyValuePair.Create(v.Key, v.Value))) };
    }
}
