using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Tasks.Artifacts;

/// <summary><c>PublishPipelineArtifact@1</c> and the <c>publish:</c> shorthand: <c>targetPath</c> (alias <c>path</c>,
/// default <c>$(Pipeline.Workspace)</c>), <c>artifact</c> (alias <c>artifactName</c>; default: the job's name),
/// <c>publishLocation</c> (pipeline | filepath with <c>fileSharePath</c>).</summary>
internal sealed class PublishPipelineArtifactHandler : IStepHandler
{
    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputs = context.Inputs;
        var source = TaskPaths.Resolve(context, inputs.Get("targetPath", context.Workspace.PipelineWorkspace));
        var name = inputs.Get("artifact", context.Node.Job?.Name ?? "drop");
        if (string.Equals(inputs.Get("publishLocation", "pipeline"), "filepath", StringComparison.OrdinalIgnoreCase))
        {
            if (TaskPaths.Required(context, "fileSharePath", out var failure) is not { } share)
            {
                return failure!;
            }

            return await ArtifactSteps.CopyToShareAsync(context, source, Path.Combine(share, name), cancellationToken).ConfigureAwait(false);
        }

        context.Log.Output($"Publishing '{source}' as pipeline artifact '{name}'.");
        var request = new ArtifactPublishRequest(name, source, ArtifactKind.Pipeline, context.Node.Identifier);
        return ArtifactSteps.Outcome(context, await context.Run.Services.Artifacts.PublishAsync(request, cancellationToken).ConfigureAwait(false));
    }
}

/// <summary><c>PublishBuildArtifacts@1</c>: <c>PathtoPublish</c> (<c>$(Build.ArtifactStagingDirectory)</c>),
/// <c>ArtifactName</c> (<c>drop</c>), <c>publishLocation</c> (Container | FilePath with <c>TargetPath</c>).</summary>
internal sealed class PublishBuildArtifactsHandler : IStepHandler
{
    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputs = context.Inputs;
        var source = TaskPaths.Resolve(context, inputs.Get("PathtoPublish", context.Workspace.ArtifactStagingDirectory));
        var name = inputs.Get("ArtifactName", "drop");
        if (string.Equals(inputs.Get("publishLocation", "Container"), "FilePath", StringComparison.OrdinalIgnoreCase))
        {
            if (TaskPaths.Required(context, "TargetPath", out var failure) is not { } share)
            {
                return failure!;
            }

            return await ArtifactSteps.CopyToShareAsync(context, source, Path.Combine(share, name), cancellationToken).ConfigureAwait(false);
        }

        context.Log.Output($"Uploading '{source}' to build artifact '{name}'.");
        var request = new ArtifactPublishRequest(name, source, ArtifactKind.Build, context.Node.Identifier)
        {
            // A folder is uploaded under its own name inside the artifact (the agent's container layout).
            ContainerFolder = Directory.Exists(source) ? Path.GetFileName(source.TrimEnd(Path.DirectorySeparatorChar)) : null,
        };
        return ArtifactSteps.Outcome(context, await context.Run.Services.Artifacts.PublishAsync(request, cancellationToken).ConfigureAwait(false));
    }
}
