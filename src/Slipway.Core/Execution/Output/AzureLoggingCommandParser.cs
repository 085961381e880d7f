using System.Diagnostics.CodeAnalysis;

namespace Slipway.Core.Execution.Output;

/// <summary>
/// The agent's <c>Command.TryParse</c> (AZP-LOG-1): the command may start anywhere in the line;
/// <c>area.event</c> must split into exactly two non-empty parts; properties split on <c>;</c> and
/// each on its first <c>=</c>, pairs without a key or value dropped; data is the rest after the first <c>]</c>.
/// </summary>
internal static class AzureLoggingCommandParser
{
    public const string Prefix = "##vso[";
    public const string Keyword = "##vso";

    private static readonly (string Escaped, string Text)[] Escapes =
    [
        ("%3B", ";"),
        ("%0D", "\r"),
        ("%0A", "\n"),
        ("%5D", "]"),
    ];

    /// <param name="decodePercents">The agent knob DECODE_PERCENTS (default on): <c>%AZP25</c> becomes <c>%</c>.</param>
    public static bool TryParse(string? line, bool decodePercents, [NotNullWhen(true)] out AzureLoggingCommand? command)
    {
        command = null;
        if (string.IsNullOrEmpty(line))
        {
            return false;
        }

        var prefixIndex = line.IndexOf(Prefix, StringComparison.Ordinal);
        var bracket = prefixIndex < 0 ? -1 : line.IndexOf(']', prefixIndex);
        if (bracket < 0)
        {
            return false;
        }

        var start = prefixIndex + Prefix.Length;
        var info = line[start..bracket];
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? info : info[..space];
        var parts = name.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            return false;
        }

        var properties = space > 0 ? ParseProperties(info[(space + 1)..], decodePercents) : [];
        command = new AzureLoggingCommand(parts[0], parts[1], properties, Unescape(line[(bracket + 1)..], decodePercents));
        return true;
    }

    /// <summary>True when a line that did not parse still mentions <c>##vso</c> (the agent then warns).</summary>
    public static bool ContainsKeyword(string line) => line.Contains(Keyword, StringComparison.Ordinal);

    /// <summary>AZP-LOG-2: <c>%3B %0D %0A %5D</c>, then <c>%AZP25</c> last. <c>%25</c> is not an escape.</summary>
    public static string Unescape(string escaped, bool decodePercents)
    {
        if (escaped.Length == 0 || !escaped.Contains('%', StringComparison.Ordinal))
        {
            return escaped;
        }

        var text = escaped;
        foreach (var (code, value) in Escapes)
        {
            text = text.Replace(code, value, StringComparison.Ordinal);
        }

        return decodePercents ? text.Replace("%AZP25", "%", StringComparison.Ordinal) : text;
    }

    /// <summary>The encoding azure-pipelines-task-lib applies, for writing commands.</summary>
    public static string Escape(string text, bool encodePercents = true)
    {
        var escaped = encodePercents ? text.Replace("%", "%AZP25", StringComparison.Ordinal) : text;
        foreach (var (code, value) in Escapes)
        {
            escaped = escaped.Replace(value, code, StringComparison.Ordinal);
        }

        return escaped;
    }

    private static Dictionary<string, string> ParseProperties(string text, bool decodePercents)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pairText in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = pairText.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
            if (pair.Length == 2)
            {
                properties[pair[0]] = Unescape(pair[1], decodePercents);
            }
        }

        return properties;
    }
}
