namespace Slipway.Core.Runtime.Tasks.Files;

/// <summary>
/// Deletes as <c>DeleteFiles@1</c> does: the pattern lines select files and folders under the
/// source folder (names starting with a dot only with <c>RemoveDotFiles</c>); a matched folder goes
/// with its contents; <c>RemoveSourceFolder</c> deletes the source folder itself at the end.
/// </summary>
internal static class FileDeleter
{
    public static (int Deleted, IReadOnlyList<string> Log) Delete(
        string sourceFolder, IReadOnlyList<string> contents, bool removeSourceFolder, bool removeDotFiles)
    {
        var log = new List<string>();
        if (!Directory.Exists(sourceFolder))
        {
            log.Add($"Source folder '{sourceFolder}' does not exist: nothing to delete.");
            return (0, log);
        }

        var matched = FileMatcher.Match(FileMatcher.EnumerateEntries(sourceFolder), sourceFolder, contents, removeDotFiles);
        var deleted = 0;

        // Longest paths first, so files go before the folders that hold them.
        foreach (var entry in matched.OrderByDescending(p => p.Length))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else if (File.Exists(entry))
            {
                File.Delete(entry);
            }
            else
            {
                continue;
            }

            log.Add($"Deleted {entry}");
            deleted++;
        }

        if (removeSourceFolder)
        {
            Directory.Delete(sourceFolder, recursive: true);
            log.Add($"Deleted {sourceFolder}");
        }

        return (deleted, log);
    }
}
