using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Tasks.Archives;

/// <summary><c>ArchiveFiles@2</c>: <c>rootFolderOrFile</c> (<c>$(Build.BinariesDirectory)</c>), <c>includeRootFolder</c> (true),
/// <c>archiveType</c> (zip | tar | 7z through the 7-Zip program; wim is Windows-only), <c>tarCompression</c> (gz | none),
/// <c>sevenZipCompression</c>, <c>archiveFile</c> (<c>$(Build.ArtifactStagingDirectory)/$(Build.BuildId).zip</c>), <c>replaceExistingArchive</c> (true).</summary>
internal sealed class ArchiveFilesHandler : IStepHandler
{
    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputs = context.Inputs;
        var root = TaskPaths.Resolve(context, inputs.Get("rootFolderOrFile", context.Workspace.BinariesDirectory));
        var type = inputs.Get("archiveType", "zip").Trim().ToLowerInvariant();
        var compression = inputs.Get("tarCompression", "gz");
        if (type == "wim")
        {
            return StepOutcome.Failed(SevenZip.WimMessage);
        }

        var format = ArchiveFormats.FromInputs(type, compression);
        if (format is null && type != "7z")
        {
            return StepOutcome.Failed($"archiveType '{type}' with tarCompression '{compression}' is not supported by Slipway: use zip, 7z, or tar with gz or none.");
        }

        var buildId = context.Variables.Get("Build.BuildId") ?? "1";
        var archive = TaskPaths.Resolve(context, inputs.Get("archiveFile", Path.Combine(context.Workspace.ArtifactStagingDirectory, buildId + ".zip")));
        if (!File.Exists(root) && !Directory.Exists(root))
        {
            return StepOutcome.Failed($"Specified root folder or file does not exist: {root}");
        }

        var replace = inputs.GetBool("replaceExistingArchive", true);
        if (File.Exists(archive) && !replace)
        {
            return StepOutcome.Failed($"Archive file '{archive}' exists and replaceExistingArchive is false: Slipway cannot add to an existing archive.");
        }

        var includeRoot = inputs.GetBool("includeRootFolder", true);
        if (format is not { } managed)
        {
            return await SevenZipAsync(context, root, includeRoot, archive, cancellationToken).ConfigureAwait(false);
        }

        return await TaskIo.RunAsync(
            () =>
            {
                context.Log.Output($"Creating archive: {archive}");
                var count = Archiver.Create(root, includeRoot, managed, archive);
                context.Log.Output($"Added {count} entries to archive.");
                return StepOutcome.Succeeded;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The task's 7z path: the names to add (the root's own name, or its entries) go to a list file in Agent.TempDirectory.</summary>
    private static async Task<StepOutcome> SevenZipAsync(StepContext context, string root, bool includeRoot, string archive, CancellationToken cancellationToken)
    {
        if (SevenZip.Find(context) is not { } program)
        {
            return StepOutcome.Failed(SevenZip.MissingMessage);
        }

        var isFile = File.Exists(root);
        var full = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var workingDirectory = includeRoot || isFile ? Path.GetDirectoryName(full)! : full;
        var names = includeRoot || isFile
            ? [Path.GetFileName(full)]
            : Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(context.Workspace.TempDirectory);
        var list = Path.Combine(context.Workspace.TempDirectory, Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(list, string.Concat(names.Select(n => n + "\n")), cancellationToken).ConfigureAwait(false);
        if (File.Exists(archive))
        {
            File.Delete(archive);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        try
        {
            var arguments = SevenZip.ArchiveArguments(archive, list, context.Inputs.Get("sevenZipCompression"));
            return await SevenZip.RunAsync(context, program, arguments, workingDirectory, $"Creating the archive '{archive}'", cancellationToken).ConfigureAwait(false)
                ?? StepOutcome.Succeeded;
        }
        finally
        {
            File.Delete(list);
        }
    }
}
