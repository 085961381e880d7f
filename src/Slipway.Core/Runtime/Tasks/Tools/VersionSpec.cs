using System.Globalization;

namespace Slipway.Core.Runtime.Tasks.Tools;

/// <summary>
/// Version specs as the tool installer tasks accept them: an exact version (<c>10.0.401</c>), an
/// x-range (<c>8.x</c>, <c>10.0.x</c>, <c>20</c>), a leading <c>v</c> allowed. Prerelease versions
/// (<c>9.0.100-rc.1</c>) match only when previews are allowed or the spec names them exactly.
/// </summary>
internal static class VersionSpec
{
    public static bool Matches(string spec, string version, bool includePreviews = false)
    {
        var wanted = Strip(spec);
        var actual = Strip(version);
        if (string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var dash = actual.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0 && !includePreviews)
        {
            return false;
        }

        var core = dash >= 0 ? actual[..dash] : actual;
        var wantedParts = wanted.Split('.');
        var actualParts = core.Split('.');
        for (var i = 0; i < wantedParts.Length; i++)
        {
            if (wantedParts[i] is "x" or "X" or "*")
            {
                return true;
            }

            if (i >= actualParts.Length || !string.Equals(wantedParts[i], actualParts[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return wantedParts.Length <= actualParts.Length && dash < 0;
    }

    /// <summary>Orders versions numerically (<c>10.0.100</c> after <c>9.0.300</c>); prereleases before their release.</summary>
    public static int Compare(string left, string right)
    {
        var a = Parse(left);
        var b = Parse(right);
        for (var i = 0; i < Math.Max(a.Numbers.Length, b.Numbers.Length); i++)
        {
            var x = i < a.Numbers.Length ? a.Numbers[i] : 0;
            var y = i < b.Numbers.Length ? b.Numbers[i] : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return (a.Pre, b.Pre) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => string.CompareOrdinal(a.Pre, b.Pre),
        };
    }

    /// <summary>The highest of <paramref name="versions"/> that matches, or null.</summary>
    public static string? Highest(string spec, IEnumerable<string> versions, bool includePreviews = false) =>
        versions.Where(v => Matches(spec, v, includePreviews)).OrderDescending(Comparer<string>.Create(Compare)).FirstOrDefault();

    private static string Strip(string text) => text.Trim().TrimStart('v', 'V');

    private static (long[] Numbers, string? Pre) Parse(string text)
    {
        var stripped = Strip(text);
        var dash = stripped.IndexOf('-', StringComparison.Ordinal);
        var core = dash >= 0 ? stripped[..dash] : stripped;
        var numbers = core.Split('.').Select(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
        return (numbers, dash >= 0 ? stripped[(dash + 1)..] : null);
    }
}
