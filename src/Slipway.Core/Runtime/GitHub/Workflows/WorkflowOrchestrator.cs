using System.Collections.Concurrent;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Orchestration;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.GitHub.Contexts;
using Slipway.Core.Runtime.GitHub.Jobs;
using Slipway.Core.Runtime.Orchestration;

namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>
/// Walks a workflow's jobs as GitHub does: a graph over <c>needs</c>, each job's <c>if</c> evaluated when
/// its needs are done, matrices expanded (also from outputs of needed jobs), legs limited by
/// <c>max-parallel</c>, <c>fail-fast</c>, <c>concurrency</c> groups and the run's slots, called workflows
/// run as nested graphs. Jobs run through <see cref="IWorkflowJobRunner"/>; this class knows no processes.
/// </summary>
internal sealed partial class WorkflowOrchestrator(RunContext run, RunRecorder recorder, IWorkflowJobRunner runner, JobSlots slots, GitHubRunRequest request)
{
    private readonly ConcurrencyGroups _concurrency = new(new ConcurrencyLocks(Path.Combine(run.StoreDirectory, "concurrency"), run.Time));
    private readonly ObjectValue _github = WorkflowContexts.Github(request.Event, request.Workflow, run.RunId);
    private readonly ObjectValue _vars = WorkflowContexts.Strings(request.Vars);
    private TimelineNode _stage = null!;
    private int _order;

    /// <summary>Runs the workflow; the secrets context includes <c>GITHUB_TOKEN</c>.</summary>
    public async Task<RunResult> RunAsync(ObjectValue secrets, CancellationToken cancel, CancellationToken kill)
    {
        var name = request.Workflow.Name ?? request.WorkflowPath;
        _stage = await recorder.AddAsync(RecordKind.Stage, "__default", name, null, 1).ConfigureAwait(false);
        var started = run.Time.GetTimestamp();
        await recorder.StartAsync(_stage, null).ConfigureAwait(false);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var (lease, group) = await EnterWorkflowConcurrencyAsync(running, cancel).ConfigureAwait(false);
        RunResult result;
        using (lease)
        {
            if (group is not null && lease is null)
            {
                result = RunResult.Canceled;
                if (!cancel.IsCancellationRequested)
                {
                    await recorder.IssueAsync(_stage, IssueType.Error, ConcurrencyGroups.CanceledMessage(group)).ConfigureAwait(false);
                }
            }
            else
            {
                var root = new WorkflowScope { Workflow = request.Workflow, Inputs = request.Event.Inputs, Secrets = secrets };
                var outcomes = await RunWorkflowAsync(root, running.Token, kill).ConfigureAwait(false);
                result = running.IsCancellationRequested ? RunResult.Canceled
                    : outcomes.Values.Any(o => o.FailsRun) ? RunResult.Failed
                    : outcomes.Values.Any(o => o.Result == RunResult.Canceled) ? RunResult.Canceled
                    : RunResult.Succeeded;
            }

            if (lease is { CanceledByGroup: true })
            {
                await recorder.IssueAsync(_stage, IssueType.Error, ConcurrencyGroups.CanceledMessage(group!)).ConfigureAwait(false);
            }
        }

        await recorder.CompleteAsync(_stage, result, run.Time.GetElapsedTime(started)).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Workflow-level <c>concurrency</c> (contexts github, inputs, vars): evaluated, recorded, and entered for the
    /// whole run (also against other <c>slipway run</c> processes). The lease is null when there is no group, or
    /// when the run was replaced by a newer one or canceled while waiting.
    /// </summary>
    private async Task<(ConcurrencyLease? Lease, string? Group)> EnterWorkflowConcurrencyAsync(CancellationTokenSource running, CancellationToken cancel)
    {
        var context = new EvaluationContext([new("github", _github), new("inputs", request.Event.Inputs), new("vars", _vars)]);
        var concurrency = JobSettings.Concurrency(request.Workflow.Concurrency, context);
        if (!concurrency.IsSuccess)
        {
            var e = concurrency.Error;
            await recorder.IssueAsync(_stage, IssueType.Error, e.Message, e.Location.File, e.Location.Line, e.Location.Column, e.Code).ConfigureAwait(false);
            return (null, null);
        }

        if (concurrency.Value.Group is not { } group)
        {
            return (null, null);
        }

        recorder.Info(_stage, "concurrency", group);
        return (await _concurrency.EnterAsync(group, concurrency.Value.CancelInProgress, running, cancel).ConfigureAwait(false), group);
    }

    /// <summary>Runs the jobs of one workflow as a graph over <c>needs</c>; the outcome of each job by id.</summary>
    private async Task<IReadOnlyDictionary<string, JobOutcome>> RunWorkflowAsync(WorkflowScope scope, CancellationToken cancel, CancellationToken kill)
    {
        var outcomes = new ConcurrentDictionary<string, JobOutcome>(StringComparer.OrdinalIgnoreCase);
        var nodes = scope.Workflow.Jobs.Select(j => new DagNode<WorkflowJob>(j.Id.Value, j, [.. j.Needs.Select(n => n.Value)])).ToList();
        await DagScheduler.RunAsync(nodes, async (node, _, _) =>
        {
            var outcome = await RunJobAsync(scope, node.Payload, outcomes, cancel, kill).ConfigureAwait(false);
            outcomes[node.Id] = outcome;
            return outcome.Result;
        }, CancellationToken.None).ConfigureAwait(false);
        return outcomes;
    }

    private async Task<JobOutcome> RunJobAsync(WorkflowScope scope, WorkflowJob job, ConcurrentDictionary<string, JobOutcome> outcomes, CancellationToken cancel, CancellationToken kill)
    {
        var order = Interlocked.Increment(ref _order);
        var id = job.Id.Value;
        var shown = scope.NamePrefix + (job.Name is Pipelines.GitHub.Tokens.StringToken literal ? literal.Value : id);
        if (scope.IsRoot && run.Options.Jobs.Count > 0 && !run.Options.Jobs.Contains(id, StringComparer.OrdinalIgnoreCase))
        {
            return await SkipAsync(scope.IdPrefix + id, shown, order, "Not selected by --job; its outputs are empty.", RunResult.Skipped).ConfigureAwait(false);
        }

        var needs = WorkflowContexts.Needs(job.Needs.Select(n => n.Value), outcomes);
        // GHA-JOB-3: success()/failure() without arguments look at every ancestor, so dependents of a skipped or failed job are skipped.
        var direct = job.Needs.ToDictionary(n => n.Value, n => outcomes.TryGetValue(n.Value, out var o) ? o.Result : RunResult.Skipped, StringComparer.OrdinalIgnoreCase);
        var host = new DependencyStatusHost(direct, Ancestors(scope.Workflow, id, outcomes), cancel.IsCancellationRequested, new Counters(null));
        var context = Context(scope, needs, ExpressionValue.Null, null, host);
        var condition = TokenEvaluator.EvaluateBoolean(job.If, context);
        if (!condition.IsSuccess)
        {
            return await FailUnstartedAsync(scope.IdPrefix + id, shown, order, condition.Error).ConfigureAwait(false);
        }

        if (!condition.Value)
        {
            var result = cancel.IsCancellationRequested ? RunResult.Canceled : RunResult.Skipped;
            return await SkipAsync(scope.IdPrefix + id, shown, order, $"Condition was false: {job.If.Expression}", result).ConfigureAwait(false);
        }

        var strategy = JobStrategy.Evaluate(job, context);
        if (!strategy.IsSuccess)
        {
            return await FailUnstartedAsync(scope.IdPrefix + id, shown, order, strategy.Error).ConfigureAwait(false);
        }

        return await RunLegsAsync(new JobRun(scope, job, needs, strategy.Value, order), cancel, kill).ConfigureAwait(false);
    }

    /// <summary>The results of every job <paramref name="id"/> needs, directly or through other jobs.</summary>
    // Each workflow's needs graph, made once (not once per job: a workflow of 200 jobs made it 200 times).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Workflow, Dictionary<string, List<string>>> NeedsGraphs = new();

    private static Dictionary<string, RunResult> Ancestors(Workflow workflow, string id, ConcurrentDictionary<string, JobOutcome> outcomes)
    {
        var graph = NeedsGraphs.GetValue(workflow, w => w.Jobs.ToDictionary(j => j.Id.Value, j => j.Needs.Select(n => n.Value).ToList(), StringComparer.OrdinalIgnoreCase));
        var results = new Dictionary<string, RunResult>(StringComparer.OrdinalIgnoreCase);
        var stack = new Stack<string>(graph.GetValueOrDefault(id) ?? []);
        while (stack.TryPop(out var next))
        {
            if (!results.ContainsKey(next))
            {
                results[next] = outcomes.TryGetValue(next, out var o) ? o.Result : RunResult.Skipped;
                (graph.GetValueOrDefault(next) ?? []).ForEach(stack.Push);
            }
        }

        return results;
    }

    /// <summary>The contexts of a job-level value: github, inputs, vars, needs, and for a leg strategy and matrix.</summary>
    private EvaluationContext Context(WorkflowScope scope, ObjectValue needs, ExpressionValue matrix, ObjectValue? strategy, IExpressionHost? host = null, ObjectValue? secrets = null)
    {
        var values = new List<KeyValuePair<string, ExpressionValue>>
        {
            new("github", _github),
            new("inputs", scope.Inputs),
            new("vars", _vars),
            new("needs", needs),
        };
        if (strategy is not null)
        {
            values.Add(new("strategy", strategy));
            values.Add(new("matrix", matrix));
        }

        if (secrets is not null)
        {
            values.Add(new("secrets", secrets));
        }

        return new EvaluationContext(values, host);
    }
}
