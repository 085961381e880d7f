using System.Globalization;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Jobs;

internal sealed partial class StepExecutor
{
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

        if (x.Scope.IsJob && !x.IsBackground)
        {
            job.Report(end.Conclusion);
        }
    }
}
