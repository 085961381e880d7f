using System.Globalization;
using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Contexts;
using Slipway.Core.Runtime.Jobs;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>How one step execution ended: <c>outcome</c> and <c>conclusion</c> (GHA-STEP-2) and the record's result.</summary>
internal sealed record StepEnd(StepConclusion Outcome, StepConclusion Conclusion, int? ExitCode, string? Message)
{
    /// <summary>The step record: a failure that <c>continue-on-error</c> forgave shows as succeeded with issues.</summary>
    public RunResult Result => (Outcome, Conclusion) switch
    {
        (StepConclusion.Success, _) => RunResult.Succeeded,
        (StepConclusion.Failure, StepConclusion.Success) => RunResult.SucceededWithIssues,
        (StepConclusion.Failure, _) => RunResult.Failed,
        (StepConclusion.Cancelled, _) => RunResult.Canceled,
        _ => RunResult.Skipped,
    };
}

/// <summary>
/// Runs one step execution: its <c>env</c>, <c>timeout-minutes</c>, <c>continue-on-error</c>, the body
/// (a script, an action part), the file commands afterwards, and the <c>steps</c> context entry.
/// The caller owns the record and the <c>if</c> (<see cref="JobStepRunner"/>, composite actions).
/// </summary>
internal sealed partial class StepExecutor(GitHubJobState job, JobTokens tokens)
{
    public GitHubJobState Job => job;

    /// <summary>
    /// Runs the step's body (null: the step's own <c>run</c> or <c>uses</c>). <paramref name="condition"/> is
    /// evaluated again when the job is canceled while the step runs: a step whose condition no longer
    /// holds is canceled at once, one that still holds (<c>always()</c>) gets the cancel grace period (RUN <c>StepsRunner</c>).
    /// Call <see cref="PrepareEnv"/> first.
    /// </summary>
    public async Task<StepEnd> ExecuteAsync(
        StepExecution x, BasicExpressionToken? condition, Func<StepHost, CancellationToken, Task<StepOutcome>>? body, bool isMain, CancellationToken outer = default)
    {
        var host = new StepHost(x, this);
        var (continueOnError, timeout, setupError) = Prepare(x);
        StepOutcome outcome;
        var timedOut = false;
        var canceled = false;
        if (setupError is not null)
        {
            x.Log.Error(setupError.Message, setupError.Location.File, setupError.Location.Line, setupError.Location.Column, JobRunnerDiagnosticCodes.ExpressionFailed);
            outcome = new StepOutcome(RunResult.Failed);
        }
        else
        {
            using var timer = timeout is { } limit ? new CancellationTokenSource(limit, job.Run.Time) : new CancellationTokenSource();
            using var step = CancellationTokenSource.CreateLinkedTokenSource(tokens.KillToken, timer.Token, outer);
            var finished = false;
            void CancelStep()
            {
                if (finished)
                {
                    return;
                }

                canceled = true;
                try
                {
                    step.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The step ended while the job was being canceled.
                }
            }

            using var onJobCancel = WatchCancel(x, condition, CancelStep);
            outcome = await InvokeAsync(body ?? MainBody(x), host, step.Token).ConfigureAwait(false);
            finished = true;
            canceled |= tokens.KillToken.IsCancellationRequested || outer.IsCancellationRequested;
            timedOut = timer.IsCancellationRequested && !canceled;
        }

        ProcessFileCommands(x);
        var end = Conclude(x, outcome, timedOut, canceled, continueOnError, timeout);
        Commit(x, end, isMain);
        return end;
    }

    /// <summary>Evaluates the step's <c>env</c> with the job's (and a composite caller's) env as the <c>env</c> context (before its <c>if</c>, which sees it).</summary>
    public static void PrepareEnv(StepExecution x)
    {
        foreach (var (name, value) in x.Job.Env.Concat(x.Scope.CallerEnv))
        {
            x.Env[name] = value;
        }

        var env = TokenEvaluator.Evaluate(x.Step.Env, () => x.Context(secrets: true));
        if (!env.IsSuccess)
        {
            x.EnvError = env.Error;
            return;
        }

        foreach (var (name, value) in (env.Value as Expressions.Values.ObjectValue)?.Entries ?? [])
        {
            x.Env[name] = x.StepEnv[name] = GitHubCoercion.ToDisplayString(value);
        }
    }

    private CancellationTokenRegistration WatchCancel(StepExecution x, BasicExpressionToken? condition, Action cancelStep)
    {
        if (tokens.JobToken.IsCancellationRequested)
        {
            return tokens.StepToken.Register(cancelStep);
        }

        return tokens.JobToken.Register(() =>
        {
            job.Cancel();
            var holds = condition is not null && TokenEvaluator.EvaluateBoolean(condition, x.ConditionContext(condition)) is { IsSuccess: true, Value: true };
            if (holds)
            {
                tokens.StepToken.Register(cancelStep);
            }
            else
            {
                cancelStep();
            }
        });
    }

    private Func<StepHost, CancellationToken, Task<StepOutcome>> MainBody(StepExecution x)
    {
        if (x.Step.Run is not null)
        {
            return RunScriptAsync;
        }

        if (x.Step.Uses is not null)
        {
            return (host, cancel) => job.Actions.RunAsync(host, x.Step, cancel);
        }

        return (_, _) => Task.FromResult(StepOutcome.Failed(
            "Slipway runs wait, wait-all, cancel and parallel steps in a job's steps, not among a composite action's steps."));
    }

    /// <summary>The step's <c>continue-on-error</c> and <c>timeout-minutes</c>, or the error of its <c>env</c> or of these.</summary>
    private static (bool ContinueOnError, TimeSpan? Timeout, Diagnostic? Error) Prepare(StepExecution x)
    {
        if (x.EnvError is { } envError)
        {
            return (false, null, envError);
        }

        EvaluationContext? built = null;
        EvaluationContext Context() => built ??= x.Context(secrets: true);
        var continueOnError = TokenEvaluator.EvaluateBoolean(x.Step.ContinueOnError, Context);
        var timeout = TokenEvaluator.Evaluate(x.Step.TimeoutMinutes, Context);
        if (!timeout.IsSuccess)
        {
            return (continueOnError.IsSuccess && continueOnError.Value, null, timeout.Error);
        }

        var minutes = timeout.Value.IsNull ? 0 : GitHubCoercion.ToNumber(timeout.Value);
        return (continueOnError.IsSuccess && continueOnError.Value,
            minutes > 0 ? TimeSpan.FromMinutes(minutes) : null,
            continueOnError.IsSuccess ? null : continueOnError.Error);
    }

    /// <summary>The boundary to a step body: a cancellation it throws is a canceled step; any other exception is a bug in that body, reported as the step's failure.</summary>
    private static async Task<StepOutcome> InvokeAsync(Func<StepHost, CancellationToken, Task<StepOutcome>> body, StepHost host, CancellationToken cancel)
    {
        try
        {
            return await body(host, cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return StepOutcome.Canceled;
        }
#pragma warning disable CA1031 // The step boundary: a bug in a step body fails its step, with the cause, not the whole run.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return StepOutcome.Failed($"The step failed unexpectedly: {e.GetType().Name}: {e.Message}");
        }
    }
}
