namespace Slipway.Core.Runtime.Tasks.Files;

/// <summary>The inputs of <c>CopyFiles@2</c> that change what is copied.</summary>
internal sealed record CopyOptions
{
    public required string SourceFolder { get; init; }

    public required string TargetFolder { get; init; }

    public IReadOnlyList<string> Contents { get; init; } = ["**"];

    public bool CleanTargetFolder { get; init; }

    public bool OverWrite { get; init; }

    public bool FlattenFolders { get; init; }

    public bool PreserveTimestamp { get; init; }
}

/// <summary>What a copy did: files copied, files skipped because they existed, and an error if it failed.</summary>
internal sealed record CopyResult(int Copied, int Skipped, string? Error, IReadOnlyList<string> Log)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Copies as <c>CopyFiles@2</c> does: the matched files (not folders) keep their path relative to
/// the source folder (or land flat with <c>flattenFolders</c>); an existing target file is kept
/// unless <c>OverWrite</c>; <c>CleanTargetFolder</c> empties the target first.
/// </summary>
internal static class FileCopier
{
    public static CopyResult Copy(CopyOptions options)
    {
        var log = new List<string>();
        if (!Directory.Exists(options.SourceFolder))
        {
            return new CopyResult(0, 0, $"Source folder '{options.SourceFolder}' does not exist.", log);
        }

        var files = FileMatcher.MatchFiles(options.SourceFolder, options.Contents);
        log.Add($"Found {files.Count} files");
        if (options.CleanTargetFolder && Directory.Exists(options.TargetFolder))
        {
            log.Add($"Cleaning target folder: {options.TargetFolder}");
            CleanFolder(options.TargetFolder);
        }

        Directory.CreateDirectory(options.TargetFolder);
        int copied = 0, skipped = 0;
        foreach (var file in files)
        {
            var relative = options.FlattenFolders ? Path.GetFileName(file) : Path.GetRelativePath(options.SourceFolder, file);
            var target = Path.Combine(options.TargetFolder, relative);
            if (File.Exists(target) && !options.OverWrite)
            {
                log.Add($"File {file} already exist at {target}");
                skipped++;
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            log.Add($"Copying {file} to {target}");
            File.Copy(file, target, overwrite: true);
            if (options.PreserveTimestamp)
            {
                File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
                File.SetLastAccessTimeUtc(target, File.GetLastAccessTimeUtc(file));
            }

            copied++;
        }

        return new CopyResult(copied, skipped, null, log);
    }

    /// <summary>Removes everything inside <paramref name="folder"/> but keeps the folder.</summary>
    public static void CleanFolder(string folder)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            if (Directory.Exists(entry) && !File.GetAttributes(entry).HasFlag(FileAttributes.ReparsePoint))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }
    }
}
