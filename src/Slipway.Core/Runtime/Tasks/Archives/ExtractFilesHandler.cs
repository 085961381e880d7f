using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Tasks.Files;

namespace Slipway.Core.Runtime.Tasks.Archives;

/// <summary><c>ExtractFiles@1</c>: <c>archiveFilePatterns</c> (<c>**/*.zip</c>, rooted at the default working directory),
/// <c>destinationFolder</c> (required), <c>cleanDestinationFolder</c> (true), <c>overwriteExistingFiles</c> (false).
/// Zip, tar and tar.gz are extracted here; .7z through the 7-Zip program (as the task does off Windows); .wim is Windows-only.</summary>
internal sealed class ExtractFilesHandler : IStepHandler
{
    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (TaskPaths.Required(context, "destinationFolder", out var failure) is not { } destinationInput)
        {
            return failure!;
        }

        var destination = TaskPaths.Resolve(context, destinationInput);
        var patterns = TaskPaths.Lines(context.Inputs.Get("archiveFilePatterns", "**/*.zip"));
        var clean = context.Inputs.GetBool("cleanDestinationFolder", true);
        var overwrite = context.Inputs.GetBool("overwriteExistingFiles", false);
        var archives = FileMatcher.MatchFiles(TaskPaths.DefaultWorkingDirectory(context), patterns);
        var sevenZip = archives.Where(IsSevenZip).ToList();
        if (archives.FirstOrDefault(a => a.EndsWith(".wim", StringComparison.OrdinalIgnoreCase)) is not null)
        {
            return StepOutcome.Failed(SevenZip.WimMessage);
        }

        string? program = null;
        if (sevenZip.Count > 0 && (program = SevenZip.Find(context)) is null)
        {
            return StepOutcome.Failed(SevenZip.MissingMessage);
        }

        var outcome = await TaskIo.RunAsync(() => Extract(context, patterns, destination, clean, overwrite), cancellationToken).ConfigureAwait(false);
        foreach (var archive in sevenZip)
        {
            if (outcome.Result != Runs.RunResult.Succeeded)
            {
                break;
            }

            context.Log.Output($"Extracting file: {archive}");
            outcome = await SevenZip.RunAsync(context, program!, SevenZip.ExtractArguments(archive, destination, overwrite), destination, $"Extraction of '{archive}'", cancellationToken)
                .ConfigureAwait(false) ?? outcome;
        }

        return outcome;
    }

    private static bool IsSevenZip(string archive) => archive.EndsWith(".7z", StringComparison.OrdinalIgnoreCase);

    private static StepOutcome Extract(StepContext context, IReadOnlyList<string> patterns, string destination, bool clean, bool overwrite)
    {
        var root = TaskPaths.DefaultWorkingDirectory(context);
        var archives = FileMatcher.MatchFiles(root, patterns);
        if (archives.Count == 0)
        {
            return StepOutcome.Failed($"No archive files matched: {string.Join(", ", patterns)} (searched {root}).");
        }

        if (clean && Directory.Exists(destination))
        {
            context.Log.Output($"Cleaning destination folder before extraction: {destination}");
            FileCopier.CleanFolder(destination);
        }

        Directory.CreateDirectory(destination);
        foreach (var archive in archives.Where(a => !IsSevenZip(a)))
        {
            if (ArchiveFormats.FromFileName(archive) is not { } format)
            {
                return StepOutcome.Failed($"'{archive}' is not an archive Slipway can extract (zip, tar, tar.gz, tgz, 7z).");
            }

            context.Log.Output($"Extracting file: {archive}");
            try
            {
                Archiver.Extract(archive, format, destination, overwrite);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException)
            {
                return StepOutcome.Failed($"Extraction failed for '{archive}': {ex.Message}");
            }
        }

        return StepOutcome.Succeeded;
    }
}
