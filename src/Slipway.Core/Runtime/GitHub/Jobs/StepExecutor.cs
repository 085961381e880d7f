using System.Globalization;
using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Pipelines.GitHub.Model;
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

    /// <summary>Runs the step's body; null <paramref name="body"/> means the step's own <c>run</c> or <c>uses</c>.</summary>
    public async Task<StepEnd> ExecuteAsync(StepExecution x, Func<StepHost, CancellationToken, Task<StepOutcome>>? body, bool isMain, CancellationToken outer = default)
    {
        var host = new StepHost(x, this);
        var (continueOnError, timeout, setupError) = Prepare(x);
        StepOutcome outcome;
        var timedOut = false;
        var stepToken = tokens.StepToken;
        if (setupError is not null)
        {
            x.Log.Error(setupError.Message, code: setupError.Code);
            outcome = new StepOutcome(RunResult.Failed);
        }
        else
        {
            using var timer = timeout is { } limit ? new CancellationTokenSource(limit, job.Run.Time) : new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stepToken, timer.Token, outer);
            outcome = await InvokeAsync(body ?? MainBody(x), host, linked.Token).ConfigureAwait(false);
            timedOut = timer.IsCancellationRequested && !stepToken.IsCancellationRequested && !outer.IsCancellationRequested;
        }

        ProcessFileCommands(x);
        var end = Conclude(x, outcome, timedOut, stepToken.IsCancellationRequested || outer.IsCancellationRequested, continueOnError, timeout);
        Commit(x, end, isMain);
        return end;
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
            "Background, wait, wait-all, cancel and parallel steps are not supported by Slipway's GitHub runner; use 'run' or 'uses' steps."));
    }

    /// <summary>The step's <c>env</c> (with the job's env as the <c>env</c> context), <c>continue-on-error</c> and <c>timeout-minutes</c>.</summary>
    private (bool ContinueOnError, TimeSpan? Timeout, Diagnostic? Error) Prepare(StepExecution x)
    {
        foreach (var (name, value) in job.Env.Concat(x.Scope.CallerEnv))
        {
            x.Env[name] = value;
        }

        var context = x.Context(secrets: true);
        var env = TokenEvaluator.Evaluate(x.Step.Env, context);
        if (!env.IsSuccess)
        {
            return (false, null, env.Error);
        }

        if (env.Value is Expressions.Values.ObjectValue values)
        {
            foreach (var (name, value) in values.Entries)
            {
                x.Env[name] = x.StepEnv[name] = GitHubCoercion.ToDisplayString(value);
            }
        }

        context = x.Context(secrets: true);
        var continueOnError = TokenEvaluator.EvaluateBoolean(x.Step.ContinueOnError, context);
        var timeout = TokenEvaluator.Evaluate(x.Step.TimeoutMinutes, context);
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

    private static StepEnd Conclude(StepExecution x, StepOutcome outcome, bool timedOut, bool canceled, bool continueOnError, TimeSpan? timeout)
    {
        var result = outcome.Result;
        var message = outcome.Message;
        if (timedOut)
        {
            result = RunResult.Failed;
            message = $"The action '{x.DisplayName}' has timed out after {timeout!.Value.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes.";
        }
        else if (canceled && result != RunResult.Succeeded)
        {
            result = RunResult.Canceled;
            message = "The operation was canceled.";
        }
        else if (x.Changes.FailsStep && result != RunResult.Canceled)
        {
            result = RunResult.Failed;
        }

        if (message is not null && result is RunResult.Failed or RunResult.Canceled)
        {
            x.Log.Error(message, code: timedOut ? JobRunnerDiagnosticCodes.StepTimedOut : result == RunResult.Canceled ? JobRunnerDiagnosticCodes.Canceled : JobRunnerDiagnosticCodes.StepFailed);
        }

        var stepOutcome = result switch
        {
            RunResult.Succeeded or RunResult.SucceededWithIssues => StepConclusion.Success,
            RunResult.Canceled => StepConclusion.Cancelled,
            RunResult.Skipped => StepConclusion.Skipped,
            _ => StepConclusion.Failure,
        };
        var conclusion = stepOutcome == StepConclusion.Failure && continueOnError ? StepConclusion.Success : stepOutcome;
        return new StepEnd(stepOutcome, conclusion, outcome.ExitCode, message);
    }

    /// <summary>Applies what the step changed to the job and its conclusion to the job status; for a main part also its <c>steps</c> entry.</summary>
    private void Commit(StepExecution x, StepEnd end, bool isMain)
    {
        foreach (var (name, value) in x.Changes.Env)
        {
            job.Env[name] = value;
        }

        Execution.Output.StepResults.PrependPaths(job.PrependPath, x.Changes.Paths);
        if (x.Changes.State.Count > 0)
        {
            if (!job.States.TryGetValue(x.StateKey, out var state))
            {
                job.States[x.StateKey] = state = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            foreach (var (name, value) in x.Changes.State)
            {
                state[name] = value;
            }
        }

        if (isMain)
        {
            x.Scope.Steps.Set(x.Step.Id, new StepRecord(new Dictionary<string, string>(x.Changes.Outputs, StringComparer.Ordinal), end.Outcome, end.Conclusion));
        }

        if (x.Scope.IsJob)
        {
            job.Report(end.Conclusion);
        }
    }
}
