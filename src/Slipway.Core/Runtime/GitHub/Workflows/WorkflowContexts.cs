using System.Globalization;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Triggers;

namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>The contexts the orchestrator evaluates job-level values with (<c>github</c>, <c>needs</c>, <c>strategy</c>, ...).</summary>
internal static class WorkflowContexts
{
    /// <summary>The <c>github</c> context as a job's <c>if</c>, <c>strategy</c> and <c>name</c> see it (before any job runs).</summary>
    public static ObjectValue Github(TriggeringEvent e, Workflow workflow, long runId)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(workflow);
        var payload = ValueJson.TryParse(e.Payload.ToJsonString(), out var parsed, out _) ? parsed : ObjectValue.Empty;
        var id = runId.ToString(CultureInfo.InvariantCulture);
        return Object(
            ("event", payload),
            ("event_name", S(e.Name)),
            ("ref", S(e.Ref)),
            ("ref_name", S(e.RefName)),
            ("ref_type", S(e.RefType)),
            ("sha", S(e.Sha)),
            ("base_ref", S(e.BaseRef)),
            ("head_ref", S(e.HeadRef)),
            ("repository", S(e.Repository)),
            ("repository_owner", S(e.RepositoryOwner)),
            ("actor", S(e.Actor)),
            ("triggering_actor", S(e.Actor)),
            ("run_id", S(id)),
            ("run_number", S(id)),
            ("run_attempt", S("1")),
            ("workflow", S(workflow.Name ?? workflow.File)),
            ("server_url", S("https://github.com")),
            ("api_url", S("https://api.github.com")),
            ("graphql_url", S("https://api.github.com/graphql")),
            ("retention_days", S("90")));
    }

    /// <summary>The <c>strategy</c> context of a leg (GitHub fills it for jobs without a matrix too).</summary>
    public static ObjectValue Strategy(bool failFast, int index, int total, int maxParallel) => Object(
        ("fail-fast", ExpressionValue.From(failFast)),
        ("job-index", ExpressionValue.From(index)),
        ("job-total", ExpressionValue.From(total)),
        ("max-parallel", ExpressionValue.From(maxParallel)));

    /// <summary>A job's <c>needs</c> context: its direct needs with <c>result</c> and <c>outputs</c>.</summary>
    public static ObjectValue Needs(IEnumerable<string> needs, IReadOnlyDictionary<string, JobOutcome> outcomes) =>
        new(needs.Select(n => KeyValuePair.Create(n, outcomes.TryGetValue(n, out var o) ? o.ToContext() : ExpressionValue.Null)));

    /// <summary>GitHub's name of a result: <c>success</c>, <c>failure</c>, <c>cancelled</c>, <c>skipped</c>.</summary>
    public static string ResultName(RunResult result) => result switch
    {
        RunResult.Succeeded or RunResult.SucceededWithIssues => "success",
        RunResult.Failed => "failure",
        RunResult.Canceled => "cancelled",
        _ => "skipped",
    };

    public static ObjectValue Object(params (string Key, ExpressionValue Value)[] entries) =>
        new(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)));

    public static ObjectValue Strings(IEnumerable<KeyValuePair<string, string>> values) =>
        new(values.Select(v => KeyValuePair.Create(v.Key, ExpressionValue.From(v.Value))));

    private static ExpressionValue S(string value) => ExpressionValue.From(value);
}

/// <summary>
/// How a job (all its legs, or a called workflow) ended, as later jobs see it. <see cref="Result"/> is what
/// <c>needs.&lt;id&gt;.result</c> says: a failure under <c>continue-on-error</c> reads as success (GHA-JOB-7).
/// <see cref="FailsRun"/> is false for such a failure.
/// </summary>
internal sealed record JobOutcome(RunResult Result, IReadOnlyDictionary<string, string> Outputs)
{
    public bool FailsRun => Result is RunResult.Failed;

    public ObjectValue ToContext() => WorkflowContexts.Object(
        ("result", ExpressionValue.From(WorkflowContexts.ResultName(Result))),
        ("outputs", WorkflowContexts.Strings(Outputs)));
}
