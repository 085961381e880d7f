using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.GitHub.Jobs;

namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>The job runner <c>slipway run</c> uses for GitHub workflows.</summary>
internal static class WorkflowJobRunners
{
    public static IWorkflowJobRunner Create(RunContext run, RunRecorder recorder) => new Missing(recorder);

    // placeholder: replaced by the job runner from ghajob at merge
    private sealed class Missing(RunRecorder recorder) : IWorkflowJobRunner
    {
        public async Task<WorkflowJobResult> RunAsync(WorkflowJobRequest request, CancellationToken cancel, CancellationToken kill)
        {
            await recorder.StartAsync(request.Node, null).ConfigureAwait(false);
            await recorder.IssueAsync(request.Node, IssueType.Error, "The GitHub job runner is not in this build.").ConfigureAwait(false);
            await recorder.CompleteAsync(request.Node, RunResult.Failed, TimeSpan.Zero, reason: "The GitHub job runner is not in this build.").ConfigureAwait(false);
            return new WorkflowJobResult(RunResult.Failed, new Dictionary<string, string>());
        }
    }
}
