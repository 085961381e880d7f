using System.Globalization;
using System.Security;
using System.Text;

namespace Slipway.Core.Masking;

/// <summary>
/// Derives the extra forms of a secret that the runners mask as well: the value after it went
/// through an encoding a script or tool commonly applies (base64, JSON/URI/XML escaping, ...).
/// </summary>
internal delegate string SecretEncoder(string value);

/// <summary>The encoders of actions/runner (<c>ValueEncoders</c>) and azure-pipelines-agent.</summary>
internal static class SecretEncoders
{
    /// <summary>What actions/runner registers in its HostContext (GHA-SEC-2).</summary>
    public static IReadOnlyList<SecretEncoder> GitHubActions { get; } =
    [
        Base64,
        Base64Shift1,
        Base64Shift2,
        CommandLineArgumentEscape,
        ExpressionStringEscape,
        JsonStringEscape,
        UriDataEscape,
        XmlDataEscape,
        TrimDoubleQuotes,
        PowerShellPreAmpersandEscape,
        PowerShellPostAmpersandEscape,
    ];

    /// <summary>What azure-pipelines-agent registers in its HostContext: JSON, URI and backslash escapes.</summary>
    public static IReadOnlyList<SecretEncoder> AzurePipelines { get; } =
    [
        JsonStringEscape,
        UriDataEscape,
        BackslashEscape,
    ];

    public static string Base64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    // A secret embedded in a larger base64 input (user:password) starts at byte offset 0, 1 or 2 of
    // a 3-byte group; dropping 1 or 2 leading bytes gives the encodings of the other two alignments.
    public static string Base64Shift1(string value) => Base64Shifted(value, 1);

    public static string Base64Shift2(string value) => Base64Shifted(value, 2);

    /// <summary>The body of a JSON string literal as Newtonsoft's <c>JsonConvert.ToString</c> writes it.</summary>
    public static string JsonStringEscape(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                '\b' => sb.Append("\\b"),
                '\f' => sb.Append("\\f"),
                < ' ' or '\u0085' or '\u2028' or '\u2029' => sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    public static string UriDataEscape(string value) => Uri.EscapeDataString(value);

    public static string XmlDataEscape(string value) => SecurityElement.Escape(value) ?? string.Empty;

    public static string ExpressionStringEscape(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    public static string CommandLineArgumentEscape(string value) => value.Replace("\"", "\\\"", StringComparison.Ordinal);

    /// <summary>The agent's encoder for secrets written in escaped form: <c>\\ \' \" \t</c> unescaped.</summary>
    public static string BackslashEscape(string value) => value
        .Replace(@"\\", @"\", StringComparison.Ordinal)
        .Replace(@"\'", "'", StringComparison.Ordinal)
        .Replace(@"\""", "\"", StringComparison.Ordinal)
        .Replace(@"\t", "\t", StringComparison.Ordinal);

    public static string TrimDoubleQuotes(string value) =>
        value.Length > 8 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : string.Empty;

    /// <summary>
    /// PowerShell prints a failing command around an <c>&amp;</c> in two pieces (the second after a color code
    /// that eats one letter after <c>&amp;+</c>). This is the first piece: up to the first <c>&amp;+</c>, else up
    /// to the last <c>&amp;</c>; '' when shorter than 6 characters (RUN <c>ValueEncoders</c>).
    /// </summary>
    public static string PowerShellPreAmpersandEscape(string value)
    {
        if (!value.Contains('&', StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var plus = value.IndexOf("&+", StringComparison.Ordinal);
        var section = plus >= 0 ? value[..(plus + 2)] : value[..(value.LastIndexOf('&') + 1)];
        return section.Length >= 6 ? section : string.Empty;
    }

    /// <summary>The second piece of <see cref="PowerShellPreAmpersandEscape"/>: after <c>&amp;+</c> and one letter, else after the last <c>&amp;</c>.</summary>
    public static string PowerShellPostAmpersandEscape(string value)
    {
        if (!value.Contains('&', StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var plus = value.IndexOf("&+", StringComparison.Ordinal);
        var section = plus >= 0 ? value[Math.Min(value.Length, plus + 3)..] : value[(value.LastIndexOf('&') + 1)..];
        return section.Length >= 6 ? section : string.Empty;
    }

    private static string Base64Shifted(string value, int shift)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return bytes.Length > shift ? Convert.ToBase64String(bytes, shift, bytes.Length - shift) : Convert.ToBase64String(bytes);
    }
}
