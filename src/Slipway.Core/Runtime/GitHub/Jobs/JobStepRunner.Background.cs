using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>GitHub's parallel steps: <c>background: true</c>, <c>wait</c>, <c>wait-all</c>, <c>cancel</c> and <c>parallel</c> groups.</summary>
internal sealed partial class JobStepRunner
{
    /// <summary>
    /// Runs one entry of the job's <c>steps</c>: a regular step, a <c>background: true</c> step (started, not waited
    /// for), a <c>wait</c>, <c>wait-all</c> or <c>cancel</c> step, or a <c>parallel</c> group (its steps in the
    /// background, then a wait for all of them).
    /// </summary>
    public async Task RunStepAsync(WorkflowStep step)
    {
        if (step.Parallel is { } group)
        {
            foreach (var child in group)
            {
                StartBackground(child);
            }

            await RunControlAsync(step, [.. group.Select(c => c.Id)], waitAll: false).ConfigureAwait(false);
        }
        else if (step.Background == true)
        {
            StartBackground(step);
        }
        else if (step.Wait is { } wait)
        {
            await RunControlAsync(step, [.. wait.Select(w => w.Value)], waitAll: false).ConfigureAwait(false);
        }
        else if (step.WaitAll is not null) // "wait-all:" bare or with a value: a wait for every background step
        {
            await RunControlAsync(step, [], waitAll: true).ConfigureAwait(false);
        }
        else if (step.Cancel is { } cancel)
        {
            await RunCancelAsync(step, cancel.Value).ConfigureAwait(false);
        }
        else
        {
            await RunMainAsync(step).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the background steps still running when the job's steps are done (their results fail nothing) and waits for them.</summary>
    public async Task StopBackgroundAsync()
    {
        var all = job.Background.All;
        foreach (var running in all.Where(b => b.IsRunning))
        {
            running.Stop();
        }

        foreach (var background in all)
        {
            await background.Run.ConfigureAwait(false);
            background.Dispose();
        }
    }

    // wait / wait-all / the end of a parallel group: always runs (no "if"); fails when a waited step failed. The reader
    // names these steps as GitHub's parser does ("Wait", "Wait for all", "Cancel", "Parallel group") unless they have a name.
    private Task<StepEnd> RunControlAsync(WorkflowStep step, IReadOnlyList<string> ids, bool waitAll) =>
        RunAsync(step, step.Id, new BasicExpressionToken(step.Location, "always()"), null, (host, cancel) => WaitAsync(host, ids, waitAll, cancel), isMain: true);

    private Task<StepEnd> RunCancelAsync(WorkflowStep step, string id) =>
        RunAsync(step, step.Id, new BasicExpressionToken(step.Location, "always()"), null, (host, _) => CancelAsync(host, id), isMain: true);

    private async Task<StepOutcome> WaitAsync(StepHost host, IReadOnlyList<string> ids, bool waitAll, CancellationToken cancel)
    {
        var targets = new List<BackgroundStep>();
        foreach (var id in waitAll ? [.. job.Background.All.Select(b => b.Id)] : ids)
        {
            if (job.Background.Find(id) is not { } target)
            {
                host.Log.Error($"'{id}' is not a background step of this job (only steps with 'background: true' that started before can be waited for).",
                    code: JobRunnerDiagnosticCodes.BackgroundStepUnknown);
                return new StepOutcome(RunResult.Failed);
            }

            targets.Add(target);
        }

        // The waited steps need the gate to finish.
        var failed = await job.Gate.OutsideAsync(async () =>
        {
            var failures = new List<string>();
            foreach (var target in targets)
            {
                host.Log.Output($"Waiting for background step '{target.Id}'");
                var end = await target.Run.WaitAsync(cancel).ConfigureAwait(false);
                if (target.TakeFailure(end))
                {
                    failures.Add(target.Id);
                }
            }

            return failures;
        }).ConfigureAwait(false);

        foreach (var id in failed)
        {
            host.Log.Error($"The background step '{id}' failed.", code: JobRunnerDiagnosticCodes.BackgroundStepFailed);
        }

        return failed.Count == 0 ? StepOutcome.Succeeded : new StepOutcome(RunResult.Failed);
    }

    private async Task<StepOutcome> CancelAsync(StepHost host, string id)
    {
        if (job.Background.Find(id) is not { } target)
        {
            host.Log.Error($"'{id}' is not a background step of this job (only steps with 'background: true' that started before can be canceled).",
                code: JobRunnerDiagnosticCodes.BackgroundStepUnknown);
            return new StepOutcome(RunResult.Failed);
        }

        if (!target.IsRunning)
        {
            host.Log.Output($"The background step '{id}' has already finished: nothing to cancel.");
            return StepOutcome.Succeeded;
        }

        host.Log.Output($"Canceling background step '{id}'");
        target.Stop();
        await job.Gate.OutsideAsync(() => target.Run).ConfigureAwait(false);
        return StepOutcome.Succeeded;
    }

    private void StartBackground(WorkflowStep step)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(tokens.KillToken);
        var run = Task.Run(() => RunAsync(step, step.Id, step.If, null, null, isMain: true, background: stop.Token));
        job.Background.Add(new BackgroundStep(step.Id, run, stop));
    }
}
