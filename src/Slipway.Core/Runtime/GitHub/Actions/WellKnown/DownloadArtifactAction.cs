using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Tasks.Files;

namespace Slipway.Core.Runtime.GitHub.Actions.WellKnown;

/// <summary>
/// <c>actions/download-artifact</c> (v4 semantics): with <c>name</c>, that artifact into <c>path</c> (default
/// <c>GITHUB_WORKSPACE</c>); without, every artifact (filtered by <c>pattern</c>) into <c>path/&lt;name&gt;</c>, or all
/// into <c>path</c> with <c>merge-multiple</c>. Output <c>download-path</c>.
/// </summary>
internal sealed class DownloadArtifactAction : IWellKnownAction
{
    public async Task<StepOutcome> RunAsync(WellKnownActionContext context, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.Host;
        var target = context.WorkspacePath(context.Input("path") ?? ".");
        var artifacts = host.Run.Services.Artifacts;
        var all = artifacts.List();
        if (context.Input("name") is { } name)
        {
            if (!all.Any(a => string.Equals(a.Name, name, StringComparison.Ordinal)))
            {
                return context.Fail($"Unable to download artifact(s): Artifact not found for name: {name}. Artifacts of this run: {Names(all)}",
                    ActionDiagnosticCodes.ArtifactNotFound);
            }

            var one = await artifacts.DownloadAsync(new ArtifactDownloadRequest(name, target), cancel).ConfigureAwait(false);
            return Finish(context, one, target, [name]);
        }

        var pattern = context.Input("pattern") is { } p ? GlobPattern.Create(p) : null;
        var chosen = all.Where(a => pattern?.IsMatch(a.Name) ?? true).Select(a => a.Name).ToList();
        var merge = context.Flag("merge-multiple", fallback: false);
        foreach (var artifact in chosen)
        {
            var folder = merge ? target : Path.Combine(target, artifact);
            var result = await artifacts.DownloadAsync(new ArtifactDownloadRequest(artifact, folder), cancel).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return Finish(context, result, target, chosen);
            }
        }

        return Finish(context, new ArtifactOperationResult([], null), target, chosen);
    }

    private static StepOutcome Finish(WellKnownActionContext context, ArtifactOperationResult result, string target, List<string> names)
    {
        if (!result.Succeeded)
        {
            return context.Fail(result.Error!, ActionDiagnosticCodes.ArtifactNotFound);
        }

        context.Host.Log.Output($"Total of {names.Count} artifact(s) downloaded to '{target}': {string.Join(", ", names)}");
        context.Host.SetOutput("download-path", target);
        return StepOutcome.Succeeded;
    }

    private static string Names(IReadOnlyList<ArtifactInfo> all) => all.Count == 0 ? "(none)" : string.Join(", ", all.Select(a => a.Name));
}
