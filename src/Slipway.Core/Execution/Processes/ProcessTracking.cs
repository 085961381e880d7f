using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Slipway.Core.Execution.Processes;

/// <summary>
/// Finds processes that left the step's process group (a daemon that called <c>setsid</c> itself)
/// through an environment variable every step process inherits, as both runners do with their
/// tracking ids (<c>RUNNER_TRACKING_ID</c>, <c>VSTS_PROCESS_LOOKUP_ID</c>). Linux only (/proc).
/// </summary>
internal static class ProcessTracking
{
    public const string EnvironmentVariable = "SLIPWAY_TRACKING_ID";

    public static string NewId() => Guid.NewGuid().ToString("N");

    // The processes this one started and has not yet seen end, with the id each was given: a scan for one job's
    // leftovers skips the other jobs' step processes without reading their environment (with two slots, the other
    // slot's step is nearly always among the pids a job's scan looks at).
    private static readonly ConcurrentDictionary<int, string> Running = new();

    /// <summary>Records a process started with <paramref name="trackingId"/>; <see cref="Ended"/> once it has been reaped.</summary>
    public static void Started(int pid, string trackingId) => Running[pid] = trackingId;

    /// <summary>The process was reaped (its pid is free again).</summary>
    public static void Ended(int pid) => Running.TryRemove(pid, out _);

    /// <summary>SIGKILLs every process (other than this one) whose environment carries the id. Returns how many.
    /// With <paramref name="startedAfter"/> (the pid of the first process the id was given to) only
    /// processes started since are read: Linux hands out pids in increasing order (wrapping at
    /// pid_max), and <c>/proc/loadavg</c> names the last one, so older processes need no environ read.</summary>
    public static int KillTracked(string trackingId, int? startedAfter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(trackingId);
        if (!Directory.Exists("/proc"))
        {
            return 0;
        }

        var window = startedAfter is { } first ? PidWindow.Since(first) : PidWindow.All;
        var marker = Encoding.UTF8.GetBytes($"{EnvironmentVariable}={trackingId}\0");
        var killed = 0;
        foreach (var pid in Candidates(window))
        {
            if (pid != Environment.ProcessId && !StartedForAnother(pid, trackingId) && Carries(pid, marker) && ProcessGroups.SignalProcess(pid, GroupSignal.Kill))
            {
                killed++;
            }
        }

        return killed;
    }

    private static bool StartedForAnother(int pid, string trackingId) =>
        Running.TryGetValue(pid, out var id) && !string.Equals(id, trackingId, StringComparison.Ordinal);

    /// <summary>At most this many pids since the job's first process are probed one by one
    /// (<c>/proc/&lt;pid&gt;</c> exists or not) instead of listing every process of the machine.</summary>
    private const int ProbeLimit = 4096;

    private static IEnumerable<int> Candidates(PidWindow window)
    {
        if (window.Newest < window.After || window.Newest - window.After > ProbeLimit)
        {
            return ListPids().Where(window.Contains);
        }

        return Probe(window);
    }

    // Probes the pids handed out since the job's first process; a process that starts while probing
    // moves the newest pid on, so the window is read again until it stands still (or wraps: then list).
    private static IEnumerable<int> Probe(PidWindow window)
    {
        var next = window.After + 1;
        var newest = window.Newest;
        while (true)
        {
            for (; next <= newest; next++)
            {
                if (Directory.Exists($"/proc/{next}"))
                {
                    yield return next;
                }
            }

            var now = PidWindow.Since(window.After);
            if (now.Newest == newest)
            {
                yield break;
            }

            if (now.Newest < newest || now.Newest - window.After > ProbeLimit)
            {
                foreach (var pid in ListPids().Where(now.Contains))
                {
                    yield return pid;
                }

                yield break;
            }

            newest = now.Newest;
        }
    }

    private static IEnumerable<int> ListPids()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    // Reads /proc/<pid>/environ through one handle into a reused buffer (no FileStream, no array per
    // process): a scan runs at the end of every job, over every process of the machine.
    private static bool Carries(int pid, byte[] marker)
    {
        try
        {
            using var handle = File.OpenHandle($"/proc/{pid}/environ");
            return Contains(handle, marker, ScanBuffer ??= new byte[16 * 1024]);
        }
        catch (IOException)
        {
            return false; // The process is gone.
        }
        catch (UnauthorizedAccessException)
        {
            return false; // Not ours.
        }
    }

    /// <summary>Whether the NUL-separated entries of the file hold the marker (a last entry may lack its NUL),
    /// reading in buffer-sized pieces; a marker split across two reads is found too.</summary>
    internal static bool Contains(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] marker, byte[] buffer)
    {
        var carry = 0;
        long offset = 0;
        int read;
        while ((read = RandomAccess.Read(handle, buffer.AsSpan(carry), offset)) > 0)
        {
            var span = buffer.AsSpan(0, carry + read);
            if (span.IndexOf(marker) >= 0)
            {
                return true;
            }

            offset += read;
            // Keep the tail that could be the start of a marker split across two reads.
            carry = Math.Min(marker.Length - 1, span.Length);
            span[^carry..].CopyTo(buffer);
        }

        return buffer.AsSpan(0, carry).EndsWith(marker.AsSpan()[..^1]);
    }

    [ThreadStatic]
    private static byte[]? ScanBuffer;
}
