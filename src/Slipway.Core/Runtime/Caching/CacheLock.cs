namespace Slipway.Core.Runtime.Caching;

/// <summary>
/// A lock on the cache folder shared by every Slipway process and job: <c>cache.lock</c> opened with
/// <see cref="FileShare.None"/> (an exclusive <c>flock</c> on Unix) to evict, or shared to save and restore,
/// so eviction never deletes a blob that a job is writing or reading. Waits (polling) until it is free.
/// </summary>
internal sealed class CacheLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);
    private readonly FileStream _file;

    private CacheLock(FileStream file) => _file = file;

    public static CacheLock Shared(string root) => Acquire(root, "cache.lock", FileShare.ReadWrite);

    public static CacheLock Exclusive(string root) => Acquire(root, "cache.lock", FileShare.None);

    /// <summary>
    /// Held (exclusively, briefly) around checking that a key is free and renaming its file into place: the rename
    /// replaces an existing file, so without it two jobs saving one key at once could both "win".
    /// </summary>
    public static CacheLock KeyCommit(string root) => Acquire(root, "keys.lock", FileShare.None);

    public void Dispose() => _file.Dispose();

    private static CacheLock Acquire(string root, string name, FileShare share)
    {
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, name);
        var deadline = Environment.TickCount64 + (long)Patience.TotalMilliseconds;
        while (true)
        {
            try
            {
                return new CacheLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, share));
            }
            catch (IOException) when (Environment.TickCount64 < deadline)
            {
                // Held the other way by another job or process: wait and try again.
                Thread.Sleep(Poll);
            }
        }
    }
}
