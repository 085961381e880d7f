using System.Globalization;

namespace Slipway.Core.Runtime.Caching;

/// <summary>
/// The size limit of the user cache folder: <c>SLIPWAY_CACHE_MAX_SIZE</c> in bytes or with a unit
/// (<c>500M</c>, <c>2GiB</c>, <c>10G</c>; K/M/G/T are powers of 1024), 10 GiB when unset.
/// </summary>
internal static class CacheSizeLimit
{
    public const string Variable = "SLIPWAY_CACHE_MAX_SIZE";

    public const long Default = 10L * 1024 * 1024 * 1024;

    /// <summary>The limit in bytes, or an error message (the default then applies).</summary>
    public static (long Bytes, string? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (Default, null);
        }

        var trimmed = text.Trim();
        var digits = trimmed.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').Count();
        var unit = trimmed[digits..].Trim().ToUpperInvariant();
        long? multiplier = unit switch
        {
            "" or "B" => 1,
            "K" or "KB" or "KIB" => 1024,
            "M" or "MB" or "MIB" => 1024 * 1024,
            "G" or "GB" or "GIB" => 1024L * 1024 * 1024,
            "T" or "TB" or "TIB" => 1024L * 1024 * 1024 * 1024,
            _ => null,
        };
        if (multiplier is { } m && double.TryParse(trimmed[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && number > 0 && number * m < long.MaxValue)
        {
            return ((long)(number * m), null);
        }

        return (Default, $"{Variable}='{text}' is not a size (bytes, or a number with K, M, G or T); the default of 10 GiB applies.");
    }
}
