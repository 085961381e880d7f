using Slipway.Core.Planning;

namespace Slipway.Core.Runtime.Artifacts;

/// <summary>
/// AZP-DEPL-3: a deployment job downloads every artifact of the current run into
/// <c>$(Pipeline.Workspace)/&lt;artifact&gt;</c> at the start of its <c>deploy</c> hook, unless the hook has a
/// <c>download</c> step of its own (<c>download: none</c> turns it off; explicit downloads choose).
/// </summary>
internal static class DeploymentArtifacts
{
    /// <summary>False when the hook's steps contain any <c>download</c> shorthand (including <c>download: none</c>).</summary>
    public static bool NeedsAutomaticDownload(IEnumerable<StepPlan> deployHookSteps) =>
        !deployHookSteps.Any(s => string.Equals(s.Keyword, "download", StringComparison.OrdinalIgnoreCase));
}
