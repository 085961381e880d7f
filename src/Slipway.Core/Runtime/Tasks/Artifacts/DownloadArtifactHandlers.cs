using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Tasks.Artifacts;

/// <summary>
/// <c>DownloadPipelineArtifact@2</c> and the <c>download:</c> shorthand: <c>buildType</c> (alias <c>source</c>:
/// current | specific; the shorthand's <c>none</c> does nothing), <c>artifact</c> (alias <c>artifactName</c>;
/// empty: every artifact, each into its own folder), <c>itemPattern</c> (alias <c>patterns</c>, <c>**</c>),
/// <c>targetPath</c> (aliases <c>path</c>/<c>downloadPath</c>, <c>$(Pipeline.Workspace)</c>). Only the current
/// run's artifacts exist locally: other runs or pipelines are a clear failure.
/// </summary>
internal sealed class DownloadPipelineArtifactHandler : IStepHandler
{
    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputs = context.Inputs;
        var source = inputs.Get("buildType", "current");
        if (string.Equals(source, "none", StringComparison.OrdinalIgnoreCase))
        {
            context.Log.Output("download: none: no artifacts are downloaded.");
            return StepOutcome.Succeeded;
        }

        if (!string.Equals(source, "current", StringComparison.OrdinalIgnoreCase))
        {
            var what = inputs.Get("definition") ?? inputs.Get("pipeline") ?? source;
            return StepOutcome.Failed($"Artifacts of other runs or pipelines ('{what}') are not available locally: slipway run can only download artifacts of the current run.");
        }

        var name = inputs.Get("artifact") is { Length: > 0 } a ? a : null;
        var target = TaskPaths.Resolve(context, inputs.Get("targetPath", context.Workspace.PipelineWorkspace));
        var patterns = TaskPaths.Lines(inputs.Get("itemPattern", "**"));
        var request = new ArtifactDownloadRequest(name, target) { Patterns = patterns.Count == 0 ? ["**"] : patterns };
        context.Log.Output($"Downloading {(name is null ? "all artifacts" : $"artifact '{name}'")} to {target}");
        return ArtifactSteps.Outcome(context, await context.Run.Services.Artifacts.DownloadAsync(request, cancellationToken).ConfigureAwait(false));
    }
}

/// <summary><c>DownloadBuildArtifacts@1</c>: <c>buildType</c> (current), <c>downloadType</c> (single | specific),
/// <c>artifactName</c>, <c>itemPattern</c> (<c>**</c>), <c>downloadPath</c> (<c>$(System.ArtifactsDirectory)</c>).
/// Each artifact lands in <c>downloadPath/&lt;artifact&gt;/</c>, as the task does.</summary>
internal sealed class DownloadBuildArtifactsHandler : IStepHandler
{
    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputs = context.Inputs;
        if (!string.Equals(inputs.Get("buildType", "current"), "current", StringComparison.OrdinalIgnoreCase))
        {
            return StepOutcome.Failed("Artifacts of other builds are not available locally: slipway run can only download artifacts of the current run.");
        }

        var defaultPath = context.Variables.Get("System.ArtifactsDirectory") is { Length: > 0 } dir ? dir : context.Workspace.ArtifactStagingDirectory;
        var target = TaskPaths.Resolve(context, inputs.Get("downloadPath", defaultPath));
        var patterns = TaskPaths.Lines(inputs.Get("itemPattern", "**"));
        var single = string.Equals(inputs.Get("downloadType", "single"), "single", StringComparison.OrdinalIgnoreCase);
        string? name = null;
        if (single && (name = TaskPaths.Required(context, "artifactName", out var failure)) is null)
        {
            return failure!;
        }

        var request = name is not null
            ? new ArtifactDownloadRequest(name, Path.Combine(target, name)) { Patterns = patterns }
            : new ArtifactDownloadRequest(null, target) { Patterns = patterns };
        return ArtifactSteps.Outcome(context, await context.Run.Services.Artifacts.DownloadAsync(request, cancellationToken).ConfigureAwait(false));
    }
}
