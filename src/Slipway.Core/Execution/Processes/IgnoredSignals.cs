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
    /// <summary>The current mask; null without <c>/proc</c>.</summary>
    public static ulong? Read()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
                {
                    return ulong.Parse(line.AsSpan(7).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // No /proc.
        }

        return null;
    }

    /// <summary>Whether signal <paramref name="signal"/> (1-64) is in <paramref name="mask"/>.</summary>
    public static bool Contains(ulong mask, int signal) => (mask & Bit(signal)) != 0;

    public static ulong Bit(int signal) => 1UL << (signal - 1);
}
