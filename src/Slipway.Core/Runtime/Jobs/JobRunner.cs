using System.Globalization;
using Slipway.Core.Expressions;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Orchestration;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Variables;
using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Runtime.Jobs;

/// <summary>
/// Runs one job instance on this machine: its workspace (AZP-JOB-7), variables, steps (or deployment
/// hooks), post-job steps, timeout and cancellation; kills whatever its steps left running.
/// </summary>
internal sealed partial class JobRunner(RunContext run, RunRecorder recorder, StepHandlerRegistry handlers, Counters counters)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(60);
    private static readonly TimeSpan DefaultCancelTimeout = TimeSpan.FromMinutes(5);
    private int _workNumber;

    public async Task<JobOutcome> RunAsync(JobRequest request, CancellationToken runToken, CancellationToken killToken)
    {
        var started = run.Time.GetTimestamp();
        var job = Prepare(request);
        await recorder.StartAsync(request.Node, null).ConfigureAwait(false);
        var timeout = request.Job.TimeoutInMinutes switch
        {
            null => DefaultTimeout,
            0 => (TimeSpan?)null,
            var m => TimeSpan.FromMinutes(m.Value),
        };
        using var tokens = new JobTokens(timeout, job.CancelGracePeriod, run.Time, runToken, killToken);
        using var kill = killToken.Register(job.Processes.KillAll);
        var continueOnError = false;
        try
        {
            await DefineVariablesAsync(job, request).ConfigureAwait(false);
            continueOnError = await ContinueOnErrorAsync(job, request).ConfigureAwait(false);
            if (request.Job.Deployment is { } deployment)
            {
                await RunDeploymentAsync(job, deployment, tokens).ConfigureAwait(false);
            }
            else
            {
                await RunStepsAsync(job, request.Job.Steps, tokens).ConfigureAwait(false);
            }

            await RunPostJobAsync(job, tokens).ConfigureAwait(false);
        }
        finally
        {
            job.Processes.EndJob(() =>
            {
                run.Folders.ReleaseTemp(job.Workspace.TempDirectory, []);
                request.Slot?.Dispose();
            });
        }

        var result = await FinishAsync(job, tokens, runToken).ConfigureAwait(false);
        var reason = Reason(result, tokens);
        if (result == RunResult.Failed && continueOnError)
        {
            // AZP-COND-8: a failed job with continueOnError "succeeded with issues" (docs: process/conditions FAQ),
            // in its own record, the summary and the report as well as for its dependants.
            result = RunResult.SucceededWithIssues;
            reason = "The job failed, and continueOnError is true: it succeeded with issues.";
        }

        await recorder.CompleteAsync(request.Node, result, run.Time.GetElapsedTime(started), reason: reason).ConfigureAwait(false);
        return new JobOutcome(result, job.Outputs);
    }

    private JobExecution Prepare(JobRequest request)
    {
        var number = Interlocked.Increment(ref _workNumber);
        // Agent.TempDirectory: the slot's, as an agent's _work/_temp (emptied after each job); a job run without a slot has its own.
        var folder = Path.Combine(run.Folders.Work, number.ToString(CultureInfo.InvariantCulture));
        var workspace = JobWorkspace.Create(folder, run.Folders.Tools, run.Options.RepositoryRoot, run.Folders.TempFor(request.Slot, folder, []));
        workspace.CreateDirectories();
        return new JobExecution
        {
            Run = run,
            Recorder = recorder,
            Handlers = handlers,
            Node = request.Node,
            Job = request.Job,
            Workspace = workspace,
            Variables = new VariableStore(),
            Counters = counters,
            OutputPrefix = request.OutputPrefix,
            CancelGracePeriod = request.Job.CancelTimeoutInMinutes is > 0 and var c ? TimeSpan.FromMinutes(c) : DefaultCancelTimeout,
            Debug = run.Options.Debug,
        };
    }

    private static async Task RunStepsAsync(JobExecution job, IEnumerable<StepPlan> steps, JobTokens tokens)
    {
        var runner = new StepRunner(job);
        // AZP-STEP-11: "checkout: none" only says that nothing is checked out; Azure sends the job without a
        // checkout step, so its timeline has none (the agent's own test: Initialize job, CmdLine, Finalize Job).
        foreach (var step in steps.Where(s => !IsCheckoutNone(s)))
        {
            await runner.RunAsync(step, tokens).ConfigureAwait(false);
        }
    }

    private static bool IsCheckoutNone(StepPlan step) =>
        step.Keyword == "checkout" && Checkout.CheckoutOptions.From(step.Input).IsNone;

    private static async Task RunPostJobAsync(JobExecution job, JobTokens tokens)
    {
        var runner = new StepRunner(job);
        foreach (var post in job.PostJobSteps.Reverse())
        {
            var step = post.Owner with { Name = "Post_" + post.Owner.Name, DisplayName = "Post-job: " + post.DisplayName, IsDisplayNameGenerated = false, RetryCountOnTaskFailure = 0, Enabled = true };
            await runner.RunAsync(step, tokens, post.Run, post.Condition).ConfigureAwait(false);
        }
    }

    private async Task<RunResult> FinishAsync(JobExecution job, JobTokens tokens, CancellationToken runToken)
    {
        if (tokens.TimedOut)
        {
            var minutes = job.Job.TimeoutInMinutes ?? 60;
            await recorder.IssueAsync(job.Node, IssueType.Error,
                $"The job running on agent Slipway ran longer than the maximum time of {minutes} minutes.", code: RuntimeDiagnosticCodes.JobTimedOut).ConfigureAwait(false);
            return RunResult.Canceled;
        }

        if (runToken.IsCancellationRequested || job.Status == RunResult.Canceled)
        {
            return RunResult.Canceled;
        }

        return job.Status == RunResult.Skipped ? RunResult.Succeeded : job.Status;
    }

    private static string? Reason(RunResult result, JobTokens tokens) => result switch
    {
        RunResult.Canceled when tokens.TimedOut => "The job timed out.",
        RunResult.Canceled => "The run was canceled.",
        _ => null,
    };
}
