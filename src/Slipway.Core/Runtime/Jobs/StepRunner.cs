using System.Globalization;
using Slipway.Core.Execution.Output;
using Slipway.Core.Expressions;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Orchestration;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Jobs;

/// <summary>
/// Runs one step of a job: <c>enabled</c>, the condition (with the job's status and the variables set
/// by earlier steps), the handler with retries and timeout, <c>continueOnError</c>, and the record.
/// </summary>
internal sealed partial class StepRunner(JobExecution job)
{
    private const int RetryLimit = 10;

    /// <summary>Runs the step; <paramref name="tokens"/> says whether the job is canceled and gives the token to run under.</summary>
    public async Task<RunResult> RunAsync(StepPlan step, JobTokens tokens, Func<StepContext, CancellationToken, Task<StepOutcome>>? run = null, string? condition = null)
    {
        var order = ++job.StepCounter;
        var display = job.Masker.Mask(job.Variables.Expand(DisplayName(step)));
        var node = await job.Recorder.AddAsync(RecordKind.Step, step.Name, display, job.Node, order).ConfigureAwait(false);
        if (!step.Enabled)
        {
            await job.Recorder.CompleteAsync(node, RunResult.Skipped, TimeSpan.Zero, reason: "The step is disabled (enabled: false).").ConfigureAwait(false);
            return RunResult.Skipped;
        }

        job.IsCanceled |= tokens.JobToken.IsCancellationRequested;
        if (tokens.KillToken.IsCancellationRequested)
        {
            await job.Recorder.CompleteAsync(node, RunResult.Canceled, TimeSpan.Zero, reason: "The run was killed.").ConfigureAwait(false);
            job.Report(RunResult.Canceled);
            return RunResult.Canceled;
        }

        var conditionText = condition is null ? step.Condition : new ExpressionText(condition, step.Location);
        var (shouldRun, error) = RuntimeExpressions.EvaluateCondition(conditionText, ConditionContext(conditionText?.Text));
        if (error is not null || !shouldRun)
        {
            var result = error is null ? RunResult.Skipped : RunResult.Failed;
            if (error is not null)
            {
                await job.Recorder.IssueAsync(node, IssueType.Error, error.Message, error.Location.File, error.Location.Line, error.Location.Column, error.Code).ConfigureAwait(false);
                job.Report(result);
            }

            await job.Recorder.CompleteAsync(node, result, TimeSpan.Zero, reason: error?.Message ?? $"Condition was false: {(conditionText ?? RuntimeExpressions.DefaultCondition).Text}").ConfigureAwait(false);
            return result;
        }

        return await RunStartedAsync(step, node, display, tokens, run).ConfigureAwait(false);
    }

    /// <summary>The YAML's displayName, else the handler's default (the agent's checkout name), else the compiler's.</summary>
    private string DisplayName(StepPlan step)
    {
        var given = step.IsDisplayNameGenerated ? null : step.DisplayName;
        var handlerDefault = given is null && job.Handlers.Find(step) is IStepDisplayName named
            ? named.DefaultDisplayName(step, job.Run, job.Job, job.Workspace.PipelineWorkspace)
            : null;
        return given ?? handlerDefault ?? step.DisplayName ?? step.Name;
    }

    // The variables (some hundred) are made into expression objects only for a condition that can name
    // them: most steps have the default succeeded(), which needs the job status alone.
    private EvaluationContext ConditionContext(string? text)
    {
        var host = new StepStatusHost(() => job.Status, () => job.IsCanceled, job.Counters);
        if (text is null || !Names(text, "variables") && !Names(text, "resources") && !Names(text, "pipeline"))
        {
            return new EvaluationContext([], host);
        }

        var variables = job.Variables.All.Select(v => KeyValuePair.Create(v.Name, v.Value)).ToList();
        return new EvaluationContext(
        [
            KeyValuePair.Create("variables", (Expressions.Values.ExpressionValue)RuntimeExpressions.ToObject(variables)),
            RuntimeExpressions.Pipeline(job.Run.StartTime),
            KeyValuePair.Create("resources", (Expressions.Values.ExpressionValue)Repositories.RepositoryVariables.ToExpressionObject(variables)),
        ], host);

        static bool Names(string text, string name) => text.Contains(name, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<RunResult> RunStartedAsync(StepPlan step, TimelineNode node, string display, JobTokens tokens, Func<StepContext, CancellationToken, Task<StepOutcome>>? run)
    {
        var started = job.Run.Time.GetTimestamp();
        var relativeLog = job.Run.StepLogPath(job.Node.RecordId, order(node) + ".log");
        var fullLog = Path.Combine(job.Run.StoreDirectory, relativeLog);
        using var file = FileLogSink.Create(fullLog);
        var stepLog = new StepLog(job.Masker, [file, new EventLogSink(node, job.Run.Events)]);
        var logger = new StepLogger(stepLog, job.Recorder, node, job.Debug);
        await job.Recorder.StartAsync(node, relativeLog).ConfigureAwait(false);
        logger.Section("Starting: " + display);

        var outcome = await RunWithRetriesAsync(step, node, display, logger, tokens, run).ConfigureAwait(false);
        var result = outcome.Result;
        if (result == RunResult.Failed && step.ContinueOnError)
        {
            result = RunResult.SucceededWithIssues;
        }

        if (outcome.Message is { } message && result is RunResult.Failed or RunResult.SucceededWithIssues)
        {
            if (result == RunResult.Failed || step.ContinueOnError)
            {
                logger.Error(message);
            }
            else
            {
                logger.Warning(message);
            }
        }

        logger.Section("Finishing: " + display);
        stepLog.Flush();
        foreach (var problem in stepLog.Problems)
        {
            logger.Record(IssueType.Warning, problem.Message, code: problem.Code);
        }

        await logger.DrainAsync().ConfigureAwait(false);
        job.Report(result);
        await job.Recorder.CompleteAsync(node, result, job.Run.Time.GetElapsedTime(started), outcome.ExitCode, outcome.Message).ConfigureAwait(false);
        return result;

        static string order(TimelineNode n) => n.Order.ToString("D3", CultureInfo.InvariantCulture) + "_" + n.Name;
    }

    private async Task<StepOutcome> RunWithRetriesAsync(
        StepPlan step, TimelineNode node, string display, StepLogger logger, JobTokens tokens, Func<StepContext, CancellationToken, Task<StepOutcome>>? run)
    {
        var retries = step.RetryCountOnTaskFailure ?? 0;
        if (retries > RetryLimit)
        {
            logger.Warning($"The retryCountOnTaskFailure value {retries} is greater than the maximum of {RetryLimit}; using {RetryLimit}.", code: RuntimeDiagnosticCodes.RetryClamped);
            retries = RetryLimit;
        }

        var attempt = 1;
        while (true)
        {
            var outcome = await RunAttemptAsync(step, node, display, logger, tokens, attempt, run).ConfigureAwait(false);
            if (outcome.Result != RunResult.Failed || attempt > retries || tokens.JobToken.IsCancellationRequested)
            {
                return outcome;
            }

            var delay = TimeSpan.FromSeconds(attempt * attempt);
            logger.Warning($"{outcome.Message ?? "The task failed."} Retrying {attempt.ToString(CultureInfo.InvariantCulture)}/{retries.ToString(CultureInfo.InvariantCulture)} in {delay.TotalSeconds.ToString(CultureInfo.InvariantCulture)} second(s).");
            try
            {
                await Task.Delay(delay, job.Run.Time, tokens.JobToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return outcome;
            }

            attempt++;
        }
    }
}
