using System.Globalization;

namespace Slipway.Cli.Rendering;

/// <summary>How every view prints a duration: <c>0.4s</c>, <c>12.3s</c>, <c>2m 05s</c>, <c>1h 02m</c>.</summary>
internal static class Durations
{
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        if (span.TotalMinutes < 1)
        {
            return span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
        }

        if (span.TotalHours < 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m {span.Seconds:00}s");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes:00}m");
    }
}
