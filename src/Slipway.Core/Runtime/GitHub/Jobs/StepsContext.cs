using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary><c>steps.&lt;id&gt;.outcome</c> / <c>conclusion</c> values.</summary>
internal enum StepConclusion
{
    Success,
    Failure,
    Cancelled,
    Skipped,
}

/// <summary>
/// A <c>steps</c> context (the job's, or a composite action's own): for each step that ran or was
/// skipped, its <c>outputs</c> (strings), <c>outcome</c> (before <c>continue-on-error</c>) and
/// <c>conclusion</c> (after), GHA-CTX-3.
/// </summary>
internal sealed class StepsContext
{
    private readonly Dictionary<string, StepRecord> _steps = new(StringComparer.OrdinalIgnoreCase);

    public StepRecord this[string id] => _steps[id];

    public bool Contains(string id) => _steps.ContainsKey(id);

    public void Set(string id, StepRecord record) => _steps[id] = record;

    public ObjectValue ToValue() => new(_steps.Select(s => KeyValuePair.Create(s.Key, (ExpressionValue)s.Value.ToValue())));

    public static string Text(StepConclusion conclusion) => conclusion switch
    {
        StepConclusion.Success => "success",
        StepConclusion.Failure => "failure",
        StepConclusion.Cancelled => "cancelled",
        _ => "skipped",
    };
}

/// <summary>One step's entry in a <see cref="StepsContext"/>.</summary>
internal sealed record StepRecord(IReadOnlyDictionary<string, string> Outputs, StepConclusion Outcome, StepConclusion Conclusion)
{
    public ObjectValue ToValue() => new(
    [
        KeyValuePair.Create("outputs", (ExpressionValue)new ObjectValue(Outputs.Select(o => KeyValuePair.Create(o.Key, ExpressionValue.From(o.Value))))),
        KeyValuePair.Create("outcome", ExpressionValue.From(StepsContext.Text(Outcome))),
        KeyValuePair.Create("conclusion", ExpressionValue.From(StepsContext.Text(Conclusion))),
    ]);
}
