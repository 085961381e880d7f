using System.Globalization;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Services;

namespace Slipway.Core.Runtime.Jobs;

internal sealed partial class JobRunner
{
    /// <summary>
    /// A deployment job's lifecycle hooks in the documented order (AZP-DEPL-4): runOnce and rolling run
    /// preDeploy, deploy, routeTraffic, postRouteTraffic; canary runs preDeploy once then the other three
    /// per increment; then on.success or on.failure. Each hook starts with a fresh status, as each is
    /// its own job on the agent; a failed hook stops the sequence. Output keys get the hook prefix (AZP-VAR-63).
    /// </summary>
    private async Task RunDeploymentAsync(JobExecution job, DeploymentPlan deployment, JobTokens tokens)
    {
        var strategy = deployment.Strategy;
        var failed = false;
        foreach (var (hook, increment) in Sequence(strategy))
        {
            if (failed || tokens.JobToken.IsCancellationRequested)
            {
                break;
            }

            job.Variables.Define("Strategy.Increment", increment?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, isReadOnly: true);
            job.Variables.Define("Strategy.CycleName", HookName(hook.Kind), isReadOnly: true);
            job.OutputPrefix = OutputPrefix(job, deployment, hook.Kind, increment);
            failed = !await RunHookAsync(job, hook, tokens).ConfigureAwait(false);
        }

        var closing = strategy.Find(failed ? LifecycleHookKind.OnFailure : LifecycleHookKind.OnSuccess);
        var overall = failed ? RunResult.Failed : job.Status;
        if (closing is not null && !tokens.JobToken.IsCancellationRequested)
        {
            job.OutputPrefix = OutputPrefix(job, deployment, closing.Kind, null);
            await RunHookAsync(job, closing, tokens).ConfigureAwait(false);
        }

        job.ResetStatus();
        job.Report(overall);
    }

    private async Task<bool> RunHookAsync(JobExecution job, LifecycleHook hook, JobTokens tokens)
    {
        job.ResetStatus();
        if (hook.Kind == LifecycleHookKind.Deploy && Artifacts.DeploymentArtifacts.NeedsAutomaticDownload(hook.Steps))
        {
            await DownloadArtifactsAsync(job).ConfigureAwait(false);
        }

        await RunStepsAsync(job, hook.Steps, tokens).ConfigureAwait(false);
        return RunResults.IsSuccess(job.Status);
    }

    /// <summary>AZP-DEPL-3: the deploy hook starts by downloading the run's artifacts into Pipeline.Workspace.</summary>
    private async Task DownloadArtifactsAsync(JobExecution job)
    {
        if (run.Services.Artifacts.List().Count == 0)
        {
            return;
        }

        var result = await run.Services.Artifacts.DownloadAsync(new ArtifactDownloadRequest(null, job.Workspace.PipelineWorkspace), CancellationToken.None).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            await recorder.IssueAsync(job.Node, IssueType.Warning, "Downloading the run's artifacts failed: " + error).ConfigureAwait(false);
        }
    }

    private static IEnumerable<(LifecycleHook Hook, int? Increment)> Sequence(DeploymentStrategy strategy)
    {
        LifecycleHookKind[] perCycle = [LifecycleHookKind.Deploy, LifecycleHookKind.RouteTraffic, LifecycleHookKind.PostRouteTraffic];
        if (strategy.Find(LifecycleHookKind.PreDeploy) is { } pre)
        {
            yield return (pre, null);
        }

        IReadOnlyList<int?> cycles = strategy.Kind == DeploymentStrategyKind.Canary && strategy.Increments.Count > 0
            ? [.. strategy.Increments.Select(i => (int?)i)]
            : [null];
        foreach (var increment in cycles)
        {
            foreach (var kind in perCycle)
            {
                if (strategy.Find(kind) is { } hook)
                {
                    yield return (hook, increment);
                }
            }
        }
    }

    /// <summary>AZP-VAR-63: runOnce → 'job.'; canary → 'hook_increment.'; with a resource (rolling, or a resource type) → 'hook_resource.'.</summary>
    private static string OutputPrefix(JobExecution job, DeploymentPlan deployment, LifecycleHookKind hook, int? increment)
    {
        var environment = deployment.Environment;
        if (increment is { } i)
        {
            return $"{HookName(hook)}_{i.ToString(CultureInfo.InvariantCulture)}.";
        }

        var resource = environment.ResourceName ?? (environment.ResourceType is not null ? environment.Name : null);
        if (deployment.Strategy.Kind == DeploymentStrategyKind.Rolling || environment.ResourceType is not null)
        {
            return $"{PascalHook(hook)}_{resource ?? environment.Name}.";
        }

        return job.Job.Name + ".";
    }

    private static string HookName(LifecycleHookKind kind) => kind switch
    {
        LifecycleHookKind.PreDeploy => "preDeploy",
        LifecycleHookKind.Deploy => "deploy",
        LifecycleHookKind.RouteTraffic => "routeTraffic",
        LifecycleHookKind.PostRouteTraffic => "postRouteTraffic",
        LifecycleHookKind.OnFailure => "on.failure",
        _ => "on.success",
    };

    private static string PascalHook(LifecycleHookKind kind) => kind switch
    {
        LifecycleHookKind.PreDeploy => "PreDeploy",
        LifecycleHookKind.Deploy => "Deploy",
        LifecycleHookKind.RouteTraffic => "RouteTraffic",
        LifecycleHookKind.PostRouteTraffic => "PostRouteTraffic",
        LifecycleHookKind.OnFailure => "OnFailure",
        _ => "OnSuccess",
    };
}
