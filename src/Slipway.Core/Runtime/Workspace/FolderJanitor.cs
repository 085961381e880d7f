namespace Slipway.Core.Runtime.Workspace;

/// <summary>
/// Takes folders a job is done with (its <c>Agent.TempDirectory</c> / <c>RUNNER_TEMP</c>) off the job's
/// path: the folder is renamed at once into a trash folder next to the run folders (a rename frees no
/// disk blocks, so it costs one directory update) and deleted by one background thread. Freeing blocks
/// is what costs: on a file system mounted with <c>discard</c> each freed block waits for the disk,
/// which made a no-op job wait about 1 ms per deleted file. Whatever a run leaves in the trash (a
/// crash, a kill) is deleted by the next run. Deleting is best effort, as the agent's temp cleaning is.
/// The thread runs at the lowest CPU priority, so the deleting fills the gaps between jobs.
/// </summary>
internal sealed partial class FolderJanitor : IAsyncDisposable
{
    // A plain queue under a monitor: the thread sleeps in Monitor.Wait between jobs (a BlockingCollection
    // spins in Thread.Yield first, which cost CPU on every job end).
    private const int WakeBatch = 8;

    /// <summary>The trash-name prefix of folders deleted only in the background (<see cref="DiscardInBackground"/>).</summary>
    internal const string BackgroundPrefix = "old-";

    /// <summary>How long an emptied folder waits before its <c>rmdir</c> (see <see cref="Empty"/>).</summary>
    private static readonly TimeSpan RemoveDelay = TimeSpan.FromMilliseconds(20);

    private readonly Queue<string> _queue = new();

    // Folders whose files are deleted, deepest first, with when they were emptied; the drain thread's own.
    private readonly List<(string Folder, long EmptiedAt, bool BeforeDispose)> _emptied = [];

    // Old runs' folders: deleted when the janitor has nothing else to do; what is left when the run ends
    // stays in the trash for the next run (deleting a whole old run must not lengthen this one).
    private readonly Queue<string> _later = new();
    private bool _closed;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string? _trash;
    private int _count;
    private bool _trashMade;

    private FolderJanitor(string? trash)
    {
        _trash = trash;
        if (trash is null)
        {
            _closed = true;
            _drained.SetResult();
            return;
        }

        var thread = new Thread(Drain) { IsBackground = true, Name = "slipway janitor" };
        thread.Start();
    }

    /// <summary>Deletes at once, on the caller's thread (no trash folder, no thread).</summary>
    public static FolderJanitor Immediate { get; } = new(null);

    /// <summary>A janitor whose trash is <paramref name="trash"/>; what an earlier run left there is queued first.</summary>
    public static FolderJanitor Start(string trash)
    {
        var janitor = new FolderJanitor(trash);
        if (Directory.Exists(trash))
        {
            foreach (var leftover in Directory.EnumerateDirectories(trash))
            {
                if (Path.GetFileName(leftover).StartsWith(BackgroundPrefix, StringComparison.Ordinal))
                {
                    janitor.QueueLater(leftover);
                }
                else
                {
                    janitor.TryQueue(leftover);
                }
            }
        }

        return janitor;
    }

    /// <summary>Moves the folder out of the way now and deletes it later; a folder that cannot be moved is deleted now.</summary>
    public void Discard(string directory)
    {
        if (_trash is null)
        {
            Delete(directory);
            return;
        }

        if (!Directory.Exists(directory))
        {
            return;
        }

        if (MoveToTrash(directory, string.Empty) is not { } target)
        {
            Delete(directory);
            return;
        }

        if (!TryQueue(target))
        {
            Delete(target);
        }
    }

    /// <summary>
    /// Moves the folder into the trash now and deletes it only in the background: a run ending first leaves the
    /// rest to the next run. For old runs' folders (work-folder retention), not for anything holding secrets.
    /// </summary>
    public void DiscardInBackground(string directory)
    {
        if (_trash is null || !Directory.Exists(directory))
        {
            return;
        }

        if (MoveToTrash(directory, BackgroundPrefix) is { } target)
        {
            QueueLater(target);
        }

        // Else it stays where it is; the next pruning tries again.
    }

    /// <summary>
    /// A folder holding nothing secret that need not be gone before the run ends: into the trash, deleted in the
    /// background or by the next run (<see cref="DiscardInBackground"/>); the immediate janitor deletes it now.
    /// </summary>
    public void DiscardWhenIdle(string directory)
    {
        if (_trash is null)
        {
            Delete(directory);
            return;
        }

        DiscardInBackground(directory);
    }

    /// <summary>Renames the folder into the trash (made once); null when it cannot be moved.</summary>
    private string? MoveToTrash(string directory, string prefix)
    {
        var target = Path.Combine(_trash!, $"{prefix}{Environment.ProcessId}-{Interlocked.Increment(ref _count)}-{Path.GetFileName(directory)}");
        try
        {
            if (!Volatile.Read(ref _trashMade))
            {
                Directory.CreateDirectory(_trash!);
                Volatile.Write(ref _trashMade, true);
            }

            Directory.Move(directory, target);
            return target;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Deletes what is still queued on the caller's thread (at normal priority: on a busy machine
    /// the janitor's nice-19 thread could wait long for CPU) and waits for the folder the janitor is on.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_trash is null)
        {
            return; // The shared immediate janitor has nothing to wait for.
        }

        lock (_queue)
        {
            _closed = true;
            Monitor.Pulse(_queue);
        }

        while (Take() is { } directory)
        {
            Delete(directory);
        }

        await _drained.Task.ConfigureAwait(false);
    }

    private string? Take()
    {
        lock (_queue)
        {
            return _queue.TryDequeue(out var directory) ? directory : null;
        }
    }

    private void QueueLater(string target)
    {
        lock (_queue)
        {
            if (!_closed)
            {
                _later.Enqueue(target);
                Monitor.Pulse(_queue);
            }
        }
    }

    private bool TryQueue(string target)
    {
        lock (_queue)
        {
            if (_closed)
            {
                return false; // Disposed: the caller deletes it itself.
            }

            _queue.Enqueue(target);
            if (_queue.Count >= WakeBatch)
            {
                Monitor.Pulse(_queue); // one wake-up per batch, not per job (the rest waits for the next batch or the end)
            }

            return true;
        }
    }

    private void Drain()
    {
        // Nice 19 for this thread only: deleting runs in the gaps the jobs leave, not in their time.
        ThreadPriority.Lower();
        while (Next() is var (directory, later, stop) && !stop)
        {
            if (directory is null)
            {
                // Woken to remove emptied folders.
            }
            else if (later)
            {
                EmptyUnlessClosed(directory);
            }
            else
            {
                Empty(directory, beforeDispose: true);
            }

            RemoveEmptied(closing: false);
        }

        RemoveEmptied(closing: true);
        _drained.TrySetResult();
    }

    private (string? Directory, bool Later, bool Stop) Next()
    {
        lock (_queue)
        {
            while (_queue.Count == 0 && _later.Count == 0 && !_closed)
            {
                if (_emptied.Count == 0)
                {
                    Monitor.Wait(_queue);
                }
                else if (!Monitor.Wait(_queue, RemoveDelay))
                {
                    return (null, false, false);
                }
            }

            if (_queue.TryDequeue(out var directory))
            {
                return (directory, false, false);
            }

            return !_closed && _later.TryDequeue(out var old) ? (old, true, false) : (null, false, true);
        }
    }

    // An old run's folder, one job folder at a time, stopping when the run ends (the rest waits in the trash).
    private void EmptyUnlessClosed(string directory)
    {
        try
        {
            foreach (var child in Directory.EnumerateDirectories(directory).ToList())
            {
                if (Volatile.Read(ref _closed))
                {
                    return;
                }

                Empty(child, beforeDispose: false);
                RemoveEmptied(closing: false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        if (!Volatile.Read(ref _closed))
        {
            Empty(directory, beforeDispose: false);
        }
    }

    internal static void Delete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
        catch (IOException)
        {
            // Best effort, as the agent's and the runner's temp cleaning.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: a file the step made read-only stays.
        }
    }
}
