namespace Slipway.Core.Runtime.Workspace;

/// <summary>Deleting a tree: files at once, the emptied folders a little later.</summary>
internal sealed partial class FolderJanitor
{
    /// <summary>
    /// Deletes the files of a tree now and its folders a little later (<see cref="RemoveDelay"/>). A child process
    /// started while this thread has a folder open for listing holds a copy of that descriptor until it has exec'd:
    /// a folder removed in that window is freed by the child's exec instead, and on a file system mounted with
    /// <c>discard</c> that made a starting <c>bash</c> wait for the disk (50 times per 200 jobs). Each folder is open
    /// only while it is listed, and removed once every process started meanwhile has long exec'd.
    /// </summary>
    private void Empty(string directory, bool beforeDispose)
    {
        var folders = new List<string>();
        EmptyInto(directory, folders);
        var now = Environment.TickCount64;
        foreach (var folder in folders)
        {
            _emptied.Add((folder, now, beforeDispose));
        }
    }

    private static void EmptyInto(string directory, List<string> folders)
    {
        List<(string Path, bool IsFolder)> entries;
        try
        {
            entries = [.. Entries(directory)];
        }
        catch (DirectoryNotFoundException)
        {
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            folders.Add(directory); // removed (best effort) with the rest
            return;
        }

        foreach (var (path, isFolder) in entries)
        {
            if (isFolder)
            {
                EmptyInto(path, folders);
                continue;
            }

            DeleteFile(path);
        }

        folders.Add(directory);
    }

    /// <summary>
    /// Empties a slot's temp folder for the next job of the slot (<see cref="RunFolders"/>), on the caller's thread:
    /// its files are deleted, the folders named in <paramref name="keep"/> are emptied the same way and stay, every
    /// other folder goes to the trash (its deletion would free directory blocks, which waits for the disk). The files in
    /// <paramref name="keepFiles"/> (full paths) stay: the slot hands them to its next job after checking them.
    /// </summary>
    /// <returns>Whether every folder named in <paramref name="keep"/> is there (so the next job need not make them).</returns>
    public bool EmptyForReuse(string directory, IReadOnlyList<string> keep, IReadOnlySet<string>? keepFiles = null)
    {
        ArgumentNullException.ThrowIfNull(keep);
        List<(string Path, bool IsFolder)> entries;
        try
        {
            entries = [.. Entries(directory)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // gone (a step removed it): made again for the next job
        }

        var kept = 0;

        foreach (var (path, isFolder) in entries)
        {
            if (!isFolder)
            {
                if (keepFiles?.Contains(path) != true)
                {
                    DeleteFile(path);
                }
            }
            else if (keep.Contains(Path.GetFileName(path), StringComparer.Ordinal))
            {
                _ = EmptyForReuse(path, [], keepFiles);
                kept++;
            }
            else
            {
                Discard(path);
            }
        }

        return kept == keep.Count;
    }

    // The entries of a folder from the listing alone (no stat per entry): a symbolic link, even to a folder, is a
    // file here, so deleting it never touches what it points at.
    private static System.IO.Enumeration.FileSystemEnumerable<(string Path, bool IsFolder)> Entries(string directory) =>
        new(
            directory,
            static (ref System.IO.Enumeration.FileSystemEntry entry) =>
                (entry.ToFullPath(), entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) == 0),
            new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 });

    private static void DeleteFile(string path)
    {
        try
        {
            File.Delete(path); // a symbolic link itself, never what it points at
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort; the folder's removal tries again.
        }
    }

    // Removes the emptied folders that waited long enough; when closing, also the rest of this run's temp folders
    // (old runs' folders then stay in the trash for the next run).
    private void RemoveEmptied(bool closing)
    {
        var due = Environment.TickCount64 - (long)RemoveDelay.TotalMilliseconds;
        if (closing)
        {
            foreach (var (folder, emptiedAt, beforeDispose) in _emptied)
            {
                if (beforeDispose || emptiedAt <= due)
                {
                    RemoveFolder(folder);
                }
            }

            _emptied.Clear();
            return;
        }

        var done = 0;
        while (done < _emptied.Count && _emptied[done].EmptiedAt <= due)
        {
            RemoveFolder(_emptied[done].Folder);
            done++;
        }

        _emptied.RemoveRange(0, done);
    }

    private static void RemoveFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: false);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Delete(folder); // not empty after all (a file could not be deleted before): the whole tree, best effort
        }
    }
}
