using System.Globalization;

namespace Slipway.Core.Execution.Processes;

/// <summary>
/// The pids handed out after a given one: Linux allocates pids in increasing order and wraps at
/// pid_max; the last one allocated is the last field of <c>/proc/loadavg</c>. Without that file
/// (or on another system) the window holds every pid.
/// </summary>
internal readonly record struct PidWindow(int After, int Newest)
{
    public static PidWindow All { get; } = new(0, int.MaxValue);

    public static PidWindow Since(int after) => LastPid() is { } newest ? new(after, newest) : All;

    public bool Contains(int pid) =>
        Newest >= After
            ? pid > After                     // no wrap since: anything newer (and what starts while scanning)
            : pid > After || pid <= Newest;   // wrapped: the top of the range and the new bottom

    // One read into a stack buffer through a handle kept open (a /proc file is generated anew by each read at offset
    // 0): this runs twice at the end of every job, and the open was the costly part.
    private static int? LastPid()
    {
        try
        {
            var handle = LoadAverage.Value;
            if (handle is null)
            {
                return null;
            }

            Span<byte> buffer = stackalloc byte[128];
            var text = buffer[..RandomAccess.Read(handle, buffer, 0)].TrimEnd((byte)'\n');
            return int.TryParse(text[(text.LastIndexOf((byte)' ') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static readonly Lazy<Microsoft.Win32.SafeHandles.SafeFileHandle?> LoadAverage = new(() =>
    {
        try
        {
            return File.OpenHandle("/proc/loadavg");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    });
}
