using Slipway.Core.Planning;
using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Artifacts;

/// <summary>
/// AZP-DEPL-3: a deployment job downloads every artifact of the current run into
/// <c>$(Pipeline.Workspace)/&lt;artifact&gt;</c> at the start of its <c>deploy</c> hook, unless the hook has a
/// <c>download</c> step of its own (<c>download: none</c> turns it off; explicit downloads choose).
/// The job runner calls <see cref="NeedsAutomaticDownload"/> and then <see cref="DownloadAllAsync"/>.
/// </summary>
internal static class DeploymentArtifacts
{
    /// <summary>False when the hook's steps contain any <c>download</c> shorthand (including <c>download: none</c>).</summary>
    public static bool NeedsAutomaticDownload(IEnumerable<StepPlan> deployHookSteps) =>
        !deployHookSteps.Any(s => string.Equals(s.Keyword, "download", StringComparison.OrdinalIgnoreCase));

    /// <summary>Downloads all artifacts of the run into <paramref name="pipelineWorkspace"/>/&lt;artifact&gt;/.
    /// Returns the error message, or null on success (no artifacts is a success).</summary>
    public static async Task<string?> DownloadAllAsync(IArtifactStore store, string pipelineWorkspace, IStepLogger log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(log);
        var result = await store.DownloadAsync(new ArtifactDownloadRequest(null, pipelineWorkspace), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return result.Error;
        }

        foreach (var artifact in result.Artifacts)
        {
            log.Output($"Downloaded artifact '{artifact.Name}' to {Path.Combine(pipelineWorkspace, artifact.Name)}");
        }

        if (result.Artifacts.Count == 0)
        {
            log.Output("No artifacts were published in this run: nothing to download.");
        }

        return null;
    }
}
