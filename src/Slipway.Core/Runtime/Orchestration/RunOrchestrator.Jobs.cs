using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Jobs;

namespace Slipway.Core.Runtime.Orchestration;

internal sealed partial class RunOrchestrator
{
    // Per stage, once: the job graph and the jobs --job selects (every job's condition needs them).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<StagePlan, (Dictionary<string, IReadOnlyList<string>> Graph, HashSet<string> Selected)> _stageJobs = new();

    private async Task<RunResult> RunJobAsync(StagePlan stage, TimelineNode stageNode, JobPlan job, int order, StageOutcome stageOutcome, CancellationToken cancel, CancellationToken kill)
    {
        if (!_selection.IsJobSelected(stage, job))
        {
            return await SkipJobAsync(stage, stageNode, job, order, stageOutcome, "Not selected by --job; its outputs are empty.", RunResult.Skipped).ConfigureAwait(false);
        }

        var dependencyValues = DependencyValues(stage, job, stageOutcome);
        var skip = await JobConditionAsync(stage, stageNode, job, dependencyValues, stageOutcome, cancel).ConfigureAwait(false);
        if (skip is not null)
        {
            return await SkipJobAsync(stage, stageNode, job, order, stageOutcome, skip.Value.Reason, skip.Value.Result).ConfigureAwait(false);
        }

        var legs = await ExpandAsync(stage, stageNode, job, order, dependencyValues).ConfigureAwait(false);
        if (legs is null)
        {
            stageOutcome.Jobs[job.Name] = new JobOutcome(RunResult.Failed, new Dictionary<string, string>());
            return RunResult.Failed;
        }

        using var maxParallel = new SemaphoreSlim(job.Strategy?.MaxParallel is > 0 and var m ? m : int.MaxValue);
        var outcomes = await Task.WhenAll(legs.Select(leg => RunLegAsync(leg, maxParallel, cancel, kill))).ConfigureAwait(false);
        // AZP-COND-8: an instance that failed with continueOnError already ended as SucceededWithIssues (JobRunner).
        var result = RunResults.Combine(outcomes.Select(o => o.Result));

        var outputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var outcome in outcomes)
        {
            foreach (var (key, value) in outcome.Outputs)
            {
                outputs[key] = value;
            }
        }

        stageOutcome.Jobs[job.Name] = new JobOutcome(result, outputs);
        return result;
    }

    private async Task<JobOutcome> RunLegAsync(JobRequest leg, SemaphoreSlim maxParallel, CancellationToken cancel, CancellationToken kill)
    {
        try
        {
            await maxParallel.WaitAsync(cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return await CancelQueuedAsync(leg).ConfigureAwait(false);
        }

        try
        {
            Slipway.Core.Orchestration.JobSlots.Lease lease;
            try
            {
                lease = await slots.AcquireAsync(cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return await CancelQueuedAsync(leg).ConfigureAwait(false);
            }

            using (lease)
            {
                return await jobs.RunAsync(leg with { Slot = lease }, cancel, kill).ConfigureAwait(false);
            }
        }
        finally
        {
            maxParallel.Release();
        }
    }

    /// <summary>AZP-COND-3: a job still queued when the run is canceled is canceled outright.</summary>
    private async Task<JobOutcome> CancelQueuedAsync(JobRequest leg)
    {
        await recorder.CompleteAsync(leg.Node, RunResult.Canceled, TimeSpan.Zero, reason: "The run was canceled before the job started.").ConfigureAwait(false);
        return new JobOutcome(RunResult.Canceled, new Dictionary<string, string>());
    }

    private async Task<RunResult> SkipJobAsync(StagePlan stage, TimelineNode stageNode, JobPlan job, int order, StageOutcome stageOutcome, string reason, RunResult result)
    {
        var node = await recorder.AddAsync(RecordKind.Job, job.Name, job.DisplayName ?? job.Name, stageNode, order).ConfigureAwait(false);
        await recorder.CompleteAsync(node, result, TimeSpan.Zero, reason: reason).ConfigureAwait(false);
        stageOutcome.Jobs[job.Name] = new JobOutcome(result, new Dictionary<string, string>());
        _ = stage;
        return result;
    }

    private async Task SkipJobsAsync(StagePlan stage, TimelineNode stageNode, StageOutcome outcome, string reason)
    {
        var order = 0;
        foreach (var job in stage.Jobs)
        {
            await SkipJobAsync(stage, stageNode, job, ++order, outcome, reason, RunResult.Skipped).ConfigureAwait(false);
        }
    }

    /// <summary><c>dependencies</c> (jobs of this stage it depends on) and <c>stageDependencies</c> (stages its stage depends on directly, AZP-VAR-62).</summary>
    private List<KeyValuePair<string, ExpressionValue>> DependencyValues(StagePlan stage, JobPlan job, StageOutcome stageOutcome)
    {
        var dependencies = new ObjectValue(job.DependsOn.Select(d => KeyValuePair.Create(d,
            stageOutcome.Jobs.TryGetValue(d, out var o) ? o.ToDependency() : ExpressionValue.Null)));
        var stageDependencies = new ObjectValue(stage.DependsOn.Select(s => KeyValuePair.Create(s,
            _stages.TryGetValue(s, out var o) ? o.ToJobsObject() : ExpressionValue.Null)));
        return
        [
            KeyValuePair.Create("dependencies", (ExpressionValue)dependencies),
            KeyValuePair.Create("stageDependencies", (ExpressionValue)stageDependencies),
        ];
    }

    private async Task<(RunResult Result, string Reason)?> JobConditionAsync(
        StagePlan stage, TimelineNode stageNode, JobPlan job, List<KeyValuePair<string, ExpressionValue>> dependencyValues, StageOutcome stageOutcome, CancellationToken cancel)
    {
        var (graph, selected) = _stageJobs.GetOrAdd(stage, s => (
            s.Jobs.ToDictionary(j => j.Name, j => j.DependsOn, StringComparer.OrdinalIgnoreCase),
            s.Jobs.Where(j => _selection.IsJobSelected(s, j)).Select(j => j.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)));
        IReadOnlyDictionary<string, RunResult> ResultsOf(IEnumerable<string> names) => names.Where(selected.Contains).ToDictionary(
            n => n, n => stageOutcome.Jobs.TryGetValue(n, out var o) ? o.Result : RunResult.Skipped, StringComparer.OrdinalIgnoreCase);
        var host = new DependencyStatusHost(ResultsOf(job.DependsOn), ResultsOf(Transitive(graph, job.Name)), cancel.IsCancellationRequested, counters);
        var context = new EvaluationContext(dependencyValues.Append(KeyValuePair.Create("variables", (ExpressionValue)RunVariables(stage))).Append(RuntimeExpressions.Pipeline(run.StartTime)), host);
        var probe = new TimelineNode(RecordKind.Job, job.Name, job.DisplayName ?? job.Name, stageNode);
        return await ConditionAsync(job.Condition, context, probe, cancel).ConfigureAwait(false);
    }
}
