namespace Slipway.Core.Runtime.Checkout;

/// <summary>The few file operations a checkout needs; failures come back as messages.</summary>
internal static class FileSystem
{
    /// <summary>Deletes everything inside <paramref name="folder"/> (read-only files included), keeping the folder;
    /// a message when it fails.</summary>
    public static string? DeleteContents(string folder)
    {
        var dir = new DirectoryInfo(folder);
        try
        {
            foreach (var entry in dir.Exists ? dir.EnumerateFileSystemInfos() : [])
            {
                Delete(entry);
            }

            return null;
        }
        catch (IOException ex)
        {
            return $"Could not empty '{folder}': {ex.Message}";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"Could not empty '{folder}': {ex.Message}";
        }
    }

    /// <summary>Copies (or, when the source is gone, deletes) one file or symbolic link; a message when it fails.</summary>
    public static string? CopyEntry(string from, string to)
    {
        try
        {
            var info = new FileInfo(from);
            if (info.LinkTarget is { } link)
            {
                DeleteIfPresent(to);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.CreateSymbolicLink(to, link);
            }
            else if (info.Exists)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(from, to, overwrite: true);
            }
            else if (!Directory.Exists(from))
            {
                DeleteIfPresent(to);
            }

            return null;
        }
        catch (IOException ex)
        {
            return $"Could not copy '{from}' to '{to}': {ex.Message}";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"Could not copy '{from}' to '{to}': {ex.Message}";
        }
    }

    /// <summary>Copies a folder tree (not following symbolic links), skipping the excluded folders and <c>.git</c>.</summary>
    public static (int Files, string? Error) CopyTree(string from, string to, IReadOnlyList<string> excluded)
    {
        try
        {
            return CopyTreeUnchecked(from, to, excluded);
        }
        catch (IOException ex)
        {
            return (0, $"Could not copy '{from}' to '{to}': {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return (0, $"Could not copy '{from}' to '{to}': {ex.Message}");
        }
    }

    private static (int Files, string? Error) CopyTreeUnchecked(string from, string to, IReadOnlyList<string> excluded)
    {
        var count = 0;
        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(from));
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
            {
                if (entry.Name == ".git" || IsExcluded(entry.FullName, excluded))
                {
                    continue;
                }

                if (entry is DirectoryInfo && entry.LinkTarget is null)
                {
                    pending.Push(entry.FullName);
                    continue;
                }

                var target = Path.Combine(to, Path.GetRelativePath(from, entry.FullName));
                if (CopyEntry(entry.FullName, target) is { } error)
                {
                    return (count, error);
                }

                count++;
            }
        }

        return (count, null);
    }

    public static bool IsExcluded(string path, IReadOnlyList<string> excluded) =>
        excluded.Any(e => SamePath(path, e) || path.StartsWith(Path.TrimEndingDirectorySeparator(e) + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    public static bool SamePath(string a, string b) =>
        a.Length == 0 || b.Length == 0
            ? a.Length == b.Length
            : string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    private static void DeleteIfPresent(string path)
    {
        var info = new FileInfo(path);
        if (info.Exists || info.LinkTarget is not null)
        {
            info.Attributes = FileAttributes.Normal;
            info.Delete();
        }
        else if (Directory.Exists(path))
        {
            Delete(new DirectoryInfo(path));
        }
    }

    private static void Delete(FileSystemInfo entry)
    {
        if (entry is DirectoryInfo dir && entry.LinkTarget is null)
        {
            foreach (var child in dir.EnumerateFileSystemInfos())
            {
                Delete(child);
            }
        }

        if (entry.LinkTarget is null)
        {
            entry.Attributes = entry is DirectoryInfo ? FileAttributes.Directory : FileAttributes.Normal;
        }

        entry.Delete();
    }
}
