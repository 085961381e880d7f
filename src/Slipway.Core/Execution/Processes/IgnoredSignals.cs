using System.Globalization;

namespace Slipway.Core.Execution.Processes;

/// <summary>
/// The signals this process ignores (<c>SigIgn</c> in <c>/proc/self/status</c>), as a mask with bit
/// <c>n - 1</c> for signal <c>n</c>. Ignored dispositions survive <c>exec</c>, so they are what a child
/// inherits: the .NET runtime ignores SIGPIPE, and so does every step on the hosted runners and agents
/// (their workers start steps with Process.Start, which keeps ignored signals ignored).
/// </summary>
internal static class IgnoredSignals
{
    /// <summary>The current mask; null without <c>/proc</c>. One read into a stack buffer (a stream reader's first use
    /// cost this process about 2 ms at start-up).</summary>
    public static ulong? Read()
    {
        try
        {
            using var handle = File.OpenHandle("/proc/self/status");
            Span<byte> buffer = stackalloc byte[8192];
            var text = buffer[..RandomAccess.Read(handle, buffer, 0)];
            var at = text.IndexOf("\nSigIgn:"u8);
            if (at < 0)
            {
                return null;
            }

            var value = text[(at + "\nSigIgn:".Length)..].TrimStart("\t "u8);
            var end = value.IndexOf((byte)'\n');
            return ulong.TryParse(end < 0 ? value : value[..end], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask) ? mask : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // No /proc.
        }
    }

    /// <summary>Whether signal <paramref name="signal"/> (1-64) is in <paramref name="mask"/>.</summary>
    public static bool Contains(ulong mask, int signal) => (mask & Bit(signal)) != 0;

    public static ulong Bit(int signal) => 1UL << (signal - 1);
}
