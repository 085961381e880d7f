using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.GitHub.Jobs;

namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>The job runner <c>slipway run</c> uses for GitHub workflows: <see cref="WorkflowJobRunner"/> with the run's action step runner.</summary>
internal static class WorkflowJobRunners
{
    public static IWorkflowJobRunner Create(RunContext run, RunRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new WorkflowJobRunner(run, recorder, RuntimeComposition.CreateActionStepRunner(run.Options));
    }
}
