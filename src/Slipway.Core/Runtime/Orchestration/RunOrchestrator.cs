using System.Collections.Concurrent;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Orchestration;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Jobs;

namespace Slipway.Core.Runtime.Orchestration;

/// <summary>
/// Walks the plan as Azure does (§4.4, §6): stages and jobs as graphs, conditions evaluated when all
/// dependencies are done, matrices and slices expanded, jobs limited by the run's slots and
/// <c>maxParallel</c>, outputs carried to later jobs and stages, results rolled up. It runs jobs
/// through <see cref="JobRunner"/> and knows nothing about processes.
/// </summary>
internal sealed partial class RunOrchestrator(RunContext run, RunRecorder recorder, JobRunner jobs, JobSlots slots, Counters counters, string buildNumber)
{
    private readonly ConcurrentDictionary<string, StageOutcome> _stages = new(StringComparer.OrdinalIgnoreCase);
    private readonly Selection _selection = new(run.Plan, run.Options);
    private int _stageOrder;

    public Plan Plan => run.Plan;

    public async Task<RunResult> RunAsync(CancellationToken cancel, CancellationToken kill)
    {
        var nodes = Plan.Stages.Select(s => new DagNode<StagePlan>(s.Name, s, s.DependsOn)).ToList();
        var results = await DagScheduler.RunAsync(nodes, (node, _, _) => RunStageAsync(node.Payload, cancel, kill), CancellationToken.None).ConfigureAwait(false);
        var result = RunResults.Combine(results.Values);
        return cancel.IsCancellationRequested ? RunResult.Canceled : result == RunResult.Skipped ? RunResult.Succeeded : result;
    }

    private async Task<RunResult> RunStageAsync(StagePlan stage, CancellationToken cancel, CancellationToken kill)
    {
        var outcome = _stages.GetOrAdd(stage.Name, _ => new StageOutcome());
        var node = await recorder.AddAsync(RecordKind.Stage, stage.Name, stage.DisplayName ?? stage.Name, null, Interlocked.Increment(ref _stageOrder)).ConfigureAwait(false);
        var skip = _selection.StageSkipReason(stage) ?? await StageConditionAsync(stage, node, cancel).ConfigureAwait(false);
        if (skip is not null)
        {
            await SkipJobsAsync(stage, node, outcome, skip.Value.Reason).ConfigureAwait(false);
            outcome.Result = skip.Value.Result;
            await recorder.CompleteAsync(node, skip.Value.Result, TimeSpan.Zero, reason: skip.Value.Reason).ConfigureAwait(false);
            return skip.Value.Result;
        }

        var started = run.Time.GetTimestamp();
        await recorder.StartAsync(node, null).ConfigureAwait(false);
        var order = 0;
        var jobNodes = stage.Jobs.Select(j => new DagNode<(JobPlan Job, int Order)>(j.Name, (j, ++order), j.DependsOn)).ToList();
        var results = await DagScheduler.RunAsync(jobNodes, (n, _, _) => RunJobAsync(stage, node, n.Payload.Job, n.Payload.Order, outcome, cancel, kill), CancellationToken.None).ConfigureAwait(false);
        var result = cancel.IsCancellationRequested && results.Values.Any(r => r == RunResult.Canceled) ? RunResult.Canceled : RunResults.Combine(results.Values);
        outcome.Result = result;
        await recorder.CompleteAsync(node, result, run.Time.GetElapsedTime(started)).ConfigureAwait(false);
        return result;
    }

    private async Task<(RunResult Result, string Reason)?> StageConditionAsync(StagePlan stage, TimelineNode node, CancellationToken cancel)
    {
        var direct = stage.DependsOn.Where(_selection.IsStageSelected).ToList();
        var dependencies = new ObjectValue(direct.Select(d => KeyValuePair.Create(d, _stages.TryGetValue(d, out var s) ? s.ToStageDependency() : ExpressionValue.Null)));
        var host = new DependencyStatusHost(
            Results(direct), Results(Transitive(Plan.Stages.ToDictionary(s => s.Name, s => s.DependsOn, StringComparer.OrdinalIgnoreCase), stage.Name).Where(_selection.IsStageSelected)),
            cancel.IsCancellationRequested, counters);
        var context = new EvaluationContext(
        [
            KeyValuePair.Create("dependencies", (ExpressionValue)dependencies),
            KeyValuePair.Create("variables", (ExpressionValue)RunVariables(stage: null)),
            RuntimeExpressions.Pipeline(run.StartTime),
        ], host);
        return await ConditionAsync(stage.Condition, context, node, cancel).ConfigureAwait(false);
    }

    private async Task<(RunResult Result, string Reason)?> ConditionAsync(ExpressionText? condition, EvaluationContext context, TimelineNode node, CancellationToken cancel)
    {
        var (value, error) = RuntimeExpressions.EvaluateCondition(condition, context);
        if (error is not null)
        {
            await recorder.IssueAsync(node, IssueType.Error, error.Message, error.Location.File, error.Location.Line, error.Location.Column, error.Code).ConfigureAwait(false);
            return (RunResult.Failed, error.Message);
        }

        if (value)
        {
            return null;
        }

        var text = (condition ?? RuntimeExpressions.DefaultCondition).Text;
        return (cancel.IsCancellationRequested && condition is null ? RunResult.Canceled : RunResult.Skipped, $"Condition was false: {text}");
    }

    private Dictionary<string, RunResult> Results(IEnumerable<string> stages) =>
        stages.ToDictionary(s => s, s => _stages.TryGetValue(s, out var o) ? o.Result : RunResult.Skipped, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every node reachable through dependsOn (AZP-DEP-3: dependencies of dependencies count too).</summary>
    private static HashSet<string> Transitive(Dictionary<string, IReadOnlyList<string>> graph, string start)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var stack = new Stack<string>(graph.TryGetValue(start, out var first) ? first : []);
        while (stack.TryPop(out var next))
        {
            if (seen.Add(next) && graph.TryGetValue(next, out var more))
            {
                foreach (var m in more)
                {
                    stack.Push(m);
                }
            }
        }

        return seen;
    }

    /// <summary>
    /// The variables a stage or job condition sees: queue-time, pipeline and stage YAML values, plus the source
    /// facts. All of them are fixed for the run, so each stage's object is made once (not once per job).
    /// </summary>
    private ObjectValue RunVariables(StagePlan? stage) =>
        stage is null ? _pipelineVariables ??= BuildRunVariables(null) : _stageVariables.GetOrAdd(stage, BuildRunVariables);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<StagePlan, ObjectValue> _stageVariables = new(ReferenceEqualityComparer.Instance);
    private ObjectValue? _pipelineVariables;

    private ObjectValue BuildRunVariables(StagePlan? stage)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Build.SourceBranch"] = run.Repository.SourceBranch ?? string.Empty,
            ["Build.SourceBranchName"] = run.Repository.SourceBranchName ?? string.Empty,
            ["Build.SourceVersion"] = run.Repository.SourceVersion ?? string.Empty,
            ["Build.Reason"] = "Manual",
            ["Build.Repository.Name"] = run.Repository.Name,
            ["Build.BuildId"] = run.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Build.BuildNumber"] = buildNumber,
            ["System.Debug"] = run.Options.Debug ? "true" : "false",

            // What the server knows before a stage or job starts (AZP-VAR-80), with the values the jobs get.
            ["Build.DefinitionName"] = run.Repository.Name,
            ["Build.QueuedBy"] = run.Repository.RequestedFor ?? Environment.UserName,
            ["Build.RequestedFor"] = run.Repository.RequestedFor ?? Environment.UserName,
            ["Build.RequestedForEmail"] = run.Repository.RequestedForEmail ?? string.Empty,
            ["Build.Repository.Provider"] = run.Repository.Provider,
            ["Build.Repository.Uri"] = run.Repository.Uri ?? run.Options.RepositoryRoot,
            ["Build.SourceVersionMessage"] = run.Repository.CommitMessage ?? string.Empty,
            ["System.TeamProject"] = run.Repository.Name,
            ["System.DefinitionId"] = "1",
            ["System.HostType"] = "build",
        };
        if (stage is not null)
        {
            values["System.StageName"] = stage.Name;
            values["System.StageDisplayName"] = stage.DisplayName ?? stage.Name;
        }

        foreach (var q in Plan.QueueTimeVariables)
        {
            values[q.Name] = q.Value;
        }

        foreach (var entry in stage is null ? Plan.Variables : Plan.Variables.Concat(stage.Variables))
        {
            if (entry is VariableDefinition { RuntimeExpression: null } d)
            {
                values[d.Name] = d.Value;
            }
            else if (entry is VariableGroupReference g)
            {
                foreach (var v in g.Values)
                {
                    values[v.Name] = v.Value;
                }
            }
        }

        return RuntimeExpressions.ToObject(values);
    }
}
