using System.Text;
using Slipway.Core.Execution.Processes;

namespace Slipway.Core.Tests.Execution.Processes;

/// <summary>The leftover scan reads /proc/&lt;pid&gt;/environ in pieces: the tracking entry must be found
/// wherever it falls, and only as a whole entry.</summary>
public sealed class ProcessTrackingScanTests
{
    private const string Marker = "SLIPWAY_TRACKING_ID=abc\0";

    [Theory]
    [InlineData("A=1\0SLIPWAY_TRACKING_ID=abc\0B=2\0", true)]
    [InlineData("A=1\0B=2\0SLIPWAY_TRACKING_ID=abc", true)] // last entry without its NUL
    [InlineData("A=1\0SLIPWAY_TRACKING_ID=abcd\0", false)] // another id that starts the same
    [InlineData("A=1\0SLIPWAY_TRACKING_ID=ab", false)]
    [InlineData("", false)]
    public void PROC_TrackingScan_FindsTheWholeEntry(string environ, bool expected)
    {
        Assert.Equal(expected, Scan(environ, bufferSize: 4096));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(47)]
    public void PROC_TrackingScan_FindsAnEntrySplitAcrossReads(int padding)
    {
        var environ = "X=" + new string('x', padding) + "\0" + Marker + "Y=2\0";

        // A buffer just larger than the marker forces many reads, so the entry straddles a boundary.
        Assert.True(Scan(environ, bufferSize: Marker.Length + 1));
        Assert.False(Scan(environ.Replace("abc", "abd", StringComparison.Ordinal), bufferSize: Marker.Length + 1));
    }

    private static bool Scan(string environ, int bufferSize)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, Encoding.UTF8.GetBytes(environ));
            using var handle = File.OpenHandle(path);
            return ProcessTracking.Contains(handle, Encoding.UTF8.GetBytes(Marker), new byte[bufferSize]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
