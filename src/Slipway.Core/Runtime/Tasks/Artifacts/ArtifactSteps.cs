using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Tasks.Files;

namespace Slipway.Core.Runtime.Tasks.Artifacts;

internal static class ArtifactSteps
{
    public static StepOutcome Outcome(StepContext context, ArtifactOperationResult result)
    {
        if (!result.Succeeded)
        {
            return StepOutcome.Failed(result.Error!);
        }

        foreach (var artifact in result.Artifacts)
        {
            context.Log.Output($"Artifact '{artifact.Name}' ({artifact.Kind.ToString().ToLowerInvariant()}): {artifact.StoredPath}");
        }

        return StepOutcome.Succeeded;
    }

    /// <summary>The file-share publish location: a plain copy into <c>share/name</c>.</summary>
    public static Task<StepOutcome> CopyToShareAsync(StepContext context, string source, string target, CancellationToken cancellationToken) =>
        TaskIo.RunAsync(
            () =>
            {
                if (File.Exists(source))
                {
                    Directory.CreateDirectory(target);
                    File.Copy(source, Path.Combine(target, Path.GetFileName(source)), overwrite: true);
                    return StepOutcome.Succeeded;
                }

                var result = FileCopier.Copy(new CopyOptions { SourceFolder = source, TargetFolder = target, OverWrite = true });
                context.Log.Output($"Copied {result.Copied} files to {target}");
                return result.Succeeded ? StepOutcome.Succeeded : StepOutcome.Failed(result.Error!);
            },
            cancellationToken);
}
