using Slipway.Core.Execution.Output;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Runtime.GitHub.Containers;
using Slipway.Core.Runtime.Jobs;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Jobs;

internal sealed partial class WorkflowJobRunner
{
    /// <summary>
    /// "Initialize containers" (GHA-JOB-10/11), after "Set up job" as on GitHub: true when the job has no containers or
    /// they all started (and the services are healthy); false fails the job before its steps.
    /// </summary>
    private static async Task<bool> InitializeContainersAsync(GitHubJobState job, JobStepRunner steps)
    {
        if (!JobContainerSetup.IsDeclared(job))
        {
            return true;
        }

        var step = new WorkflowStep { Id = "__initialize_containers", Location = job.Request.Job.Location };
        var end = await steps.RunPartAsync(step, step.Id, "Initialize containers", "success()", step.Id,
            (host, cancel) => new JobContainerSetup(job, host).StartAsync(cancel)).ConfigureAwait(false);
        return end.Conclusion == StepConclusion.Success;
    }

    /// <summary>"Stop containers": the last post step of the job, whatever its status (<c>always()</c>).</summary>
    private static async Task StopContainersAsync(GitHubJobState job, JobStepRunner steps)
    {
        if (job.Containers is not { TornDown: false } containers)
        {
            return;
        }

        var step = new WorkflowStep { Id = "__stop_containers", Location = job.Request.Job.Location };
        await steps.RunPartAsync(step, step.Id, "Stop containers", "always()", step.Id, async (host, _) =>
        {
            await JobContainerTeardown.StopAsync(containers, host.Log, host.Environment, job.Folders.Root, job.Run.Time).ConfigureAwait(false);
            return StepOutcome.Succeeded;
        }).ConfigureAwait(false);
    }

    /// <summary>When the run was killed (or a step body threw) before "Stop containers" ran: the containers are still removed, quietly.</summary>
    private static async Task RemoveLeftContainersAsync(GitHubJobState job)
    {
        if (job.Containers is not { TornDown: false } containers)
        {
            return;
        }

        var log = new StepLogger(new StepLog(job.Run.Masker, []), job.Recorder, job.Node, job.Debug);
        var environment = job.Run.BaseEnvironment;
        await JobContainerTeardown.StopAsync(containers, log, environment, job.Folders.Root, job.Run.Time).ConfigureAwait(false);
    }
}
