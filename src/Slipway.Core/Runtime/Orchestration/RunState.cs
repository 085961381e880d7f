using System.Collections.Concurrent;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Jobs;

namespace Slipway.Core.Runtime.Orchestration;

/// <summary>A finished stage: its result and its jobs' outcomes (legs merged per job).</summary>
internal sealed class StageOutcome
{
    public RunResult Result { get; set; } = RunResult.Skipped;

    public ConcurrentDictionary<string, JobOutcome> Jobs { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>dependencies.&lt;stage&gt;</c> as a stage condition sees it: outputs keyed 'job.step.var' (AZP-VAR-62, -63).</summary>
    public ExpressionValue ToStageDependency() => DependencyObject(Result, Jobs.SelectMany(j => j.Value.Outputs.Select(o => KeyValuePair.Create(j.Key + "." + o.Key, o.Value))));

    /// <summary><c>stageDependencies.&lt;stage&gt;</c> as a job sees it: one entry per job.</summary>
    public ExpressionValue ToJobsObject() => new ObjectValue(Jobs.Select(j => KeyValuePair.Create(j.Key, j.Value.ToDependency())));

    public static ExpressionValue DependencyObject(RunResult result, IEnumerable<KeyValuePair<string, string>> outputs) => new ObjectValue(
    [
        KeyValuePair.Create("result", ExpressionValue.From(result.ToString())),
        KeyValuePair.Create("outputs", (ExpressionValue)RuntimeExpressions.ToObject(outputs)),
    ]);
}

internal static class JobOutcomeExtensions
{
    /// <summary><c>dependencies.&lt;job&gt;</c> (AZP-VAR-64): <c>{ result, outputs }</c>.</summary>
    public static ExpressionValue ToDependency(this JobOutcome outcome) => StageOutcome.DependencyObject(outcome.Result, outcome.Outputs);
}
