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
        List<FileSystemInfo> entries;
        try
        {
            entries = [.. new DirectoryInfo(directory).EnumerateFileSystemInfos()];
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

        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo && !entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                EmptyInto(entry.FullName, folders);
                continue;
            }

            try
            {
                File.Delete(entry.FullName); // a symbolic link itself, never what it points at
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort; the folder's removal below tries again.
            }
        }

        folders.Add(directory);
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
