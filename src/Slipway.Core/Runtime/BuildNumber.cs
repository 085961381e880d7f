using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Core.Runtime;

/// <summary>
/// The run number from <c>name:</c> (default <c>$(Date:yyyyMMdd)$(Rev:.r)</c>): <c>$(Date:fmt)</c>,
/// <c>$(Rev:r)</c>/<c>$(Rev:.r)</c> (the run id here), <c>$(BuildID)</c>, <c>$(DayOfMonth)</c>,
/// <c>$(DayOfYear)</c>, <c>$(Hours)</c>, <c>$(Minutes)</c>, <c>$(Seconds)</c>, <c>$(Month)</c>, <c>$(Year:yy)</c>,
/// <c>$(Year:yyyy)</c>, then other variables as macros.
/// </summary>
internal static partial class BuildNumber
{
    public const string DefaultFormat = "$(Date:yyyyMMdd)$(Rev:.r)";

    public static string Format(string? format, long runId, DateTimeOffset now, Func<string, string?> lookup)
    {
        var text = string.IsNullOrWhiteSpace(format) ? DefaultFormat : format;
        var id = runId.ToString(CultureInfo.InvariantCulture);
        var result = Token().Replace(text, m =>
        {
            var name = m.Groups["name"].Value;
            var arg = m.Groups["arg"].Value;
            return name.ToUpperInvariant() switch
            {
                "DATE" => now.ToString(arg.Length > 0 ? arg : "yyyyMMdd", CultureInfo.InvariantCulture),
                "REV" => arg.StartsWith('.') ? "." + id : id,
                "BUILDID" => id,
                "DAYOFMONTH" => now.Day.ToString(CultureInfo.InvariantCulture),
                "DAYOFYEAR" => now.DayOfYear.ToString(CultureInfo.InvariantCulture),
                "HOURS" => now.ToString("HH", CultureInfo.InvariantCulture),
                "MINUTES" => now.ToString("mm", CultureInfo.InvariantCulture),
                "SECONDS" => now.ToString("ss", CultureInfo.InvariantCulture),
                "MONTH" => now.ToString("MM", CultureInfo.InvariantCulture),
                "YEAR" => now.ToString(arg.Length > 0 ? arg : "yyyy", CultureInfo.InvariantCulture),
                _ => m.Value,
            };
        });
        return Variables.MacroExpander.Expand(result, lookup);
    }

    [GeneratedRegex(@"\$\((?<name>Date|Rev|BuildID|DayOfMonth|DayOfYear|Hours|Minutes|Seconds|Month|Year)(:(?<arg>[^)]*))?\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
