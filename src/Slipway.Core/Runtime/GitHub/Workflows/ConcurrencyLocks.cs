using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>
/// The cross-process half of <c>concurrency</c> groups (GHA-WF-10): every <c>slipway run</c> on the same
/// repository shares <c>.slipway/concurrency/&lt;group hash&gt;/</c>. The holder keeps <c>lock</c> open with
/// <see cref="FileShare.None"/> (an OS lock, released when its process dies, so a crashed run never blocks
/// a group). A waiter writes its ticket to <c>pending</c>, replacing (and so canceling) an older waiter;
/// with <c>cancel-in-progress</c> it writes the holder's ticket (from <c>holder</c>) to <c>cancel</c>, which
/// the holder polls and answers by canceling its job. Tickets are unique per attempt.
/// </summary>
internal sealed class ConcurrencyLocks(string directory, TimeProvider time)
{
    /// <summary>How often waiters retry the lock and holders look for a cancel request.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public string Directory => directory;

    /// <summary>Waits for the group's lock. Null when a newer waiter replaced this one or <paramref name="cancel"/> fired.</summary>
    public async Task<ConcurrencyFileLock?> AcquireAsync(string group, bool cancelInProgress, CancellationToken cancel)
    {
        var folder = Path.Combine(directory, Key(group));
        System.IO.Directory.CreateDirectory(folder);
        var ticket = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        var pending = Path.Combine(folder, "pending");
        Write(pending, ticket);
        while (!cancel.IsCancellationRequested)
        {
            if (TryLock(folder) is { } stream)
            {
                if (Read(pending) == ticket)
                {
                    File.Delete(pending);
                }

                Write(Path.Combine(folder, "holder"), ticket);
                return new ConcurrencyFileLock(stream, folder, ticket, time);
            }

            switch (Read(pending))
            {
                case null:
                    Write(pending, ticket);
                    break;
                case { } other when other != ticket:
                    return null;
            }

            if (cancelInProgress && Read(Path.Combine(folder, "holder")) is { } holder)
            {
                Write(Path.Combine(folder, "cancel"), holder);
            }

            try
            {
                await Task.Delay(PollInterval, time, cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (Read(pending) == ticket)
        {
            File.Delete(pending);
        }

        return null;
    }

    /// <summary>Groups compare case-insensitively; the folder name is a hash, so any group name is a valid path.</summary>
    internal static string Key(string group) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(group.ToUpperInvariant())))[..32];

    private static FileStream? TryLock(string folder)
    {
        try
        {
            return new FileStream(Path.Combine(folder, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    internal static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Write then rename: readers see the old or the new ticket, never half of one.</summary>
    internal static void Write(string path, string text)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>A held group lock: watches for a cancel request addressed to it until disposed.</summary>
internal sealed class ConcurrencyFileLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _folder;
    private readonly string _ticket;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _canceled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrencyFileLock(FileStream stream, string folder, string ticket, TimeProvider time)
    {
        _stream = stream;
        _folder = folder;
        _ticket = ticket;
        _ = WatchAsync(time);
    }

    /// <summary>Completes when a waiter of another process asked to cancel this holder (<c>cancel-in-progress</c>).</summary>
    public Task CancelRequested => _canceled.Task;

    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _stop.Cancel();
        var holder = Path.Combine(_folder, "holder");
        if (ConcurrencyLocks.Read(holder) == _ticket)
        {
            File.Delete(holder);
        }

        _stream.Dispose();
        _stop.Dispose();
    }

    private async Task WatchAsync(TimeProvider time)
    {
        var cancel = Path.Combine(_folder, "cancel");
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            if (ConcurrencyLocks.Read(cancel) == _ticket)
            {
                File.Delete(cancel);
                _canceled.TrySetResult();
                return;
            }

            try
            {
                await Task.Delay(ConcurrencyLocks.PollInterval, time, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
