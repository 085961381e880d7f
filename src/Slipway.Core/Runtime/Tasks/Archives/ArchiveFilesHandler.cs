using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Tasks.Archives;

/// <summary><c>ArchiveFiles@2</c>: <c>rootFolderOrFile</c> (<c>$(Build.BinariesDirectory)</c>), <c>includeRootFolder</c> (true),
/// <c>archiveType</c> (zip | tar; 7z and wim are refused), <c>tarCompression</c> (gz | none),
/// <c>archiveFile</c> (<c>$(Build.ArtifactStagingDirectory)/$(Build.BuildId).zip</c>), <c>replaceExistingArchive</c> (true).</summary>
internal sealed class ArchiveFilesHandler : IStepHandler
{
    public Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputs = context.Inputs;
        var root = TaskPaths.Resolve(context, inputs.Get("rootFolderOrFile", context.Workspace.BinariesDirectory));
        var type = inputs.Get("archiveType", "zip");
        var compression = inputs.Get("tarCompression", "gz");
        if (ArchiveFormats.FromInputs(type, compression) is not { } format)
        {
            return Task.FromResult(StepOutcome.Failed(
                $"archiveType '{type}' with tarCompression '{compression}' is not supported by Slipway: use zip, or tar with gz or none."));
        }

        var buildId = context.Variables.Get("Build.BuildId") ?? "1";
        var archive = TaskPaths.Resolve(context, inputs.Get("archiveFile", Path.Combine(context.Workspace.ArtifactStagingDirectory, buildId + ".zip")));
        if (!File.Exists(root) && !Directory.Exists(root))
        {
            return Task.FromResult(StepOutcome.Failed($"Specified root folder or file does not exist: {root}"));
        }

        var replace = inputs.GetBool("replaceExistingArchive", true);
        if (File.Exists(archive) && !replace)
        {
            return Task.FromResult(StepOutcome.Failed($"Archive file '{archive}' exists and replaceExistingArchive is false: Slipway cannot add to an existing archive."));
        }

        var includeRoot = inputs.GetBool("includeRootFolder", true);
        return TaskIo.RunAsync(
            () =>
            {
                context.Log.Output($"Creating archive: {archive}");
                var count = Archiver.Create(root, includeRoot, format, archive);
                context.Log.Output($"Added {count} entries to archive.");
                return StepOutcome.Succeeded;
            },
            cancellationToken);
    }
}
