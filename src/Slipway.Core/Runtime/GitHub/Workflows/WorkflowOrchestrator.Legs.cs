using System.Globalization;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.GitHub.Contexts;

namespace Slipway.Core.Runtime.GitHub.Workflows;

internal sealed partial class WorkflowOrchestrator
{
    /// <summary>What one leg ended with: the raw result, whether <c>continue-on-error</c> covered a failure, its outputs.</summary>
    private sealed record LegOutcome(RunResult Result, bool ContinueOnError, IReadOnlyDictionary<string, string> Outputs)
    {
        public RunResult Effective => Result == RunResult.Failed && ContinueOnError ? RunResult.Succeeded : Result;
    }

    /// <summary>Runs every leg (GHA-JOB-6: fail-fast cancels running and queued siblings; max-parallel caps them).</summary>
    private async Task<JobOutcome> RunLegsAsync(JobRun job, CancellationToken cancel, CancellationToken kill)
    {
        var legs = job.Strategy.Runs;
        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var maxParallel = new SemaphoreSlim(Math.Min(job.Strategy.MaxParallel ?? legs.Count, legs.Count));
        var outputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var tasks = new List<Task<LegOutcome>>(legs.Count);
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = new LegRun(job, legs[i], i, legs.Count);
            tasks.Add(RunLegAsync(leg, maxParallel, siblings, outputs, cancel, kill));
        }

        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        var effective = results.Select(r => r.Effective).ToList();
        var result = effective.Contains(RunResult.Failed) ? RunResult.Failed : RunResults.Combine(effective);
        return new JobOutcome(result, outputs);
    }

    private async Task<LegOutcome> RunLegAsync(LegRun leg, SemaphoreSlim maxParallel, CancellationTokenSource siblings, Dictionary<string, string> outputs, CancellationToken cancel, CancellationToken kill)
    {
        var strategy = WorkflowContexts.Strategy(leg.Job.Strategy.FailFast, leg.Index, leg.Total, leg.Job.Strategy.MaxParallel ?? leg.Total);
        var matrix = leg.Job.Strategy.IsMatrix ? leg.Matrix.Values : ExpressionValue.Null;
        var context = Context(leg.Job.Scope, leg.Job.Needs, matrix, strategy);
        var shown = DisplayName(leg, context);
        if (leg.Job.Job is ReusableWorkflowJob call)
        {
            var called = await CallAsync(leg, call, shown, context, siblings.Token, kill).ConfigureAwait(false);
            return Collect(new LegOutcome(called.Result, false, called.Outputs), leg, siblings, outputs);
        }

        var job = (Job)leg.Job.Job;
        var node = await recorder.AddAsync(RecordKind.Job, leg.RecordName, shown, _stage, leg.Job.Order * 1000 + leg.Index + 1).ConfigureAwait(false);
        var settings = JobSettings.Evaluate(job, context);
        if (!settings.IsSuccess)
        {
            await FailAsync(node, settings.Error.Message, settings.Error).ConfigureAwait(false);
            return Collect(new LegOutcome(RunResult.Failed, false, new Dictionary<string, string>()), leg, siblings, outputs);
        }

        var s = settings.Value;
        if (s.RunsOnProblem is { } problem)
        {
            await FailAsync(node, problem, Diagnostics.Diagnostic.Error(WorkflowRunDiagnosticCodes.RunsOn, problem, job.RunsOn?.Location ?? job.Location)).ConfigureAwait(false);
            return Collect(new LegOutcome(RunResult.Failed, s.ContinueOnError, new Dictionary<string, string>()), leg, siblings, outputs);
        }

        if (s.Environment is { } environment)
        {
            recorder.Info(node, "environment", environment);
        }

        var jobRequest = new Jobs.WorkflowJobRequest
        {
            Job = job,
            Workflow = leg.Job.Scope.Workflow,
            Node = node,
            Event = request.Event,
            JobId = job.Id.Value,
            DisplayName = shown,
            Inputs = leg.Job.Scope.Inputs,
            Vars = _vars,
            Secrets = leg.Job.Scope.Secrets,
            Needs = leg.Job.Needs,
            Matrix = matrix,
            Strategy = strategy,
            TimeoutMinutes = s.TimeoutMinutes,
            Environment = s.Environment,
        };
        var result = await RunWhenAllowedAsync(jobRequest, s, maxParallel, siblings.Token, cancel, kill).ConfigureAwait(false);
        return Collect(new LegOutcome(result.Result, s.ContinueOnError, result.Outputs), leg, siblings, outputs);
    }

    /// <summary>Records the leg's outputs (the last leg to finish wins, as on GitHub) and applies fail-fast.</summary>
    private static LegOutcome Collect(LegOutcome outcome, LegRun leg, CancellationTokenSource siblings, Dictionary<string, string> outputs)
    {
        lock (outputs)
        {
            foreach (var (key, value) in outcome.Outputs)
            {
                outputs[key] = value;
            }
        }

        if (outcome.Result == RunResult.Failed && !outcome.ContinueOnError && leg.Job.Strategy.IsMatrix && leg.Job.Strategy.FailFast)
        {
            siblings.Cancel();
        }

        return outcome;
    }

    /// <summary>
    /// Waits for the leg's concurrency group, max-parallel and a run slot, then runs it. A leg canceled while it
    /// waits (Ctrl-C, fail-fast, a newer job of its concurrency group) ends canceled without running.
    /// </summary>
    private async Task<Jobs.WorkflowJobResult> RunWhenAllowedAsync(Jobs.WorkflowJobRequest job, JobSettings settings, SemaphoreSlim maxParallel, CancellationToken siblings, CancellationToken cancel, CancellationToken kill)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(siblings);
        ConcurrencyLease? group = null;
        if (settings.ConcurrencyGroup is { } name)
        {
            group = await _concurrency.EnterAsync(name, settings.CancelInProgress, running, siblings).ConfigureAwait(false);
            if (group is null)
            {
                var reason = siblings.IsCancellationRequested ? CanceledReason(cancel) : ConcurrencyGroups.CanceledMessage(name);
                await recorder.CompleteAsync(job.Node, RunResult.Canceled, TimeSpan.Zero, reason: reason).ConfigureAwait(false);
                return new Jobs.WorkflowJobResult(RunResult.Canceled, new Dictionary<string, string>());
            }
        }

        using (group)
        {
            var acquired = false;
            try
            {
                await maxParallel.WaitAsync(running.Token).ConfigureAwait(false);
                acquired = true;
                using var slot = await slots.AcquireAsync(running.Token).ConfigureAwait(false);
                var result = await runner.RunAsync(job with { Slot = slot }, running.Token, kill).ConfigureAwait(false);
                if (group is { CanceledByGroup: true })
                {
                    await recorder.IssueAsync(job.Node, IssueType.Error, ConcurrencyGroups.CanceledMessage(settings.ConcurrencyGroup!)).ConfigureAwait(false);
                }

                return result;
            }
            catch (OperationCanceledException) when (running.IsCancellationRequested && !kill.IsCancellationRequested)
            {
                await recorder.CompleteAsync(job.Node, RunResult.Canceled, TimeSpan.Zero, reason: CanceledReason(cancel)).ConfigureAwait(false);
                return new Jobs.WorkflowJobResult(RunResult.Canceled, new Dictionary<string, string>());
            }
            finally
            {
                if (acquired)
                {
                    maxParallel.Release();
                }
            }
        }
    }

    private static string CanceledReason(CancellationToken cancel) => cancel.IsCancellationRequested
        ? "The run was canceled before the job started."
        : "Canceled by fail-fast: another job of the matrix failed.";

    /// <summary>GitHub's name of a leg: the evaluated <c>name:</c> when it is an expression, else the name with the matrix values.</summary>
    private static string DisplayName(LegRun leg, Expressions.EvaluationContext context)
    {
        var prefix = leg.Job.Scope.NamePrefix;
        if (leg.Job.Job.Name is StringToken literal)
        {
            return prefix + (leg.Job.Strategy.IsMatrix ? leg.Matrix.DisplayName(literal.Value) : literal.Value);
        }

        var evaluated = TokenEvaluator.EvaluateString(leg.Job.Job.Name, context);
        return prefix + (evaluated.IsSuccess && evaluated.Value.Length > 0 ? evaluated.Value : leg.Job.Job.Id.Value);
    }

    private async Task FailAsync(TimelineNode node, string reason, Diagnostics.Diagnostic error)
    {
        await recorder.StartAsync(node, null).ConfigureAwait(false);
        await recorder.IssueAsync(node, IssueType.Error, error.Message, error.Location.File, error.Location.Line, error.Location.Column, error.Code).ConfigureAwait(false);
        await recorder.CompleteAsync(node, RunResult.Failed, TimeSpan.Zero, reason: reason).ConfigureAwait(false);
    }

    private async Task<JobOutcome> FailUnstartedAsync(string recordName, string shown, int order, Diagnostics.Diagnostic error)
    {
        var node = await recorder.AddAsync(RecordKind.Job, recordName, shown, _stage, order * 1000).ConfigureAwait(false);
        await FailAsync(node, error.Message, error).ConfigureAwait(false);
        return new JobOutcome(RunResult.Failed, new Dictionary<string, string>());
    }

    private async Task<JobOutcome> SkipAsync(string recordName, string shown, int order, string reason, RunResult result)
    {
        var node = await recorder.AddAsync(RecordKind.Job, recordName, shown, _stage, order * 1000).ConfigureAwait(false);
        await recorder.CompleteAsync(node, result, TimeSpan.Zero, reason: reason).ConfigureAwait(false);
        return new JobOutcome(result, new Dictionary<string, string>());
    }
}

/// <summary>One leg of a job: its matrix values and position.</summary>
internal sealed record LegRun(JobRun Job, MatrixLeg Matrix, int Index, int Total)
{
    public string RecordName => Job.Strategy.IsMatrix ? Job.RecordName + "." + (Index + 1).ToString(CultureInfo.InvariantCulture) : Job.RecordName;
}
