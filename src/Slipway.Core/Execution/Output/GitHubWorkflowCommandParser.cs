using System.Diagnostics.CodeAnalysis;

namespace Slipway.Core.Execution.Output;

/// <summary>
/// actions/runner's <c>ActionCommand.TryParseV2</c> (the line, left-trimmed, starts with <c>::</c>) and
/// the legacy <c>TryParse</c> (<c>##[</c> anywhere). Only registered command names parse: any other
/// text is plain output.
/// </summary>
internal static class GitHubWorkflowCommandParser
{
    private const string CommandKey = "::";
    private const string LegacyPrefix = "##[";

    private static readonly (string Escaped, string Text)[] DataEscapes = [("%0D", "\r"), ("%0A", "\n"), ("%25", "%")];
    private static readonly (string Escaped, string Text)[] PropertyEscapes = [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")];
    private static readonly (string Escaped, string Text)[] LegacyEscapes = [("%3B", ";"), ("%0D", "\r"), ("%0A", "\n"), ("%5D", "]"), ("%25", "%")];

    public static bool TryParse(string? line, IReadOnlySet<string> registered, [NotNullWhen(true)] out GitHubWorkflowCommand? command) =>
        TryParseV2(line, registered, out command) || TryParseLegacy(line, registered, out command);

    public static bool TryParseV2(string? line, IReadOnlySet<string> registered, [NotNullWhen(true)] out GitHubWorkflowCommand? command)
    {
        command = null;
        var message = line?.TrimStart();
        if (string.IsNullOrEmpty(message) || !message.StartsWith(CommandKey, StringComparison.Ordinal))
        {
            return false;
        }

        var end = message.IndexOf(CommandKey, CommandKey.Length, StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var info = message[CommandKey.Length..end];
        return TryBuild(info, ',', trimProperties: true, PropertyEscapes, registered, out command)
            && SetData(ref command, Unescape(message[(end + CommandKey.Length)..], DataEscapes));
    }

    public static bool TryParseLegacy(string? line, IReadOnlySet<string> registered, [NotNullWhen(true)] out GitHubWorkflowCommand? command)
    {
        command = null;
        var prefix = string.IsNullOrEmpty(line) ? -1 : line.IndexOf(LegacyPrefix, StringComparison.Ordinal);
        var bracket = prefix < 0 ? -1 : line!.IndexOf(']', prefix);
        if (bracket < 0)
        {
            return false;
        }

        var info = line![(prefix + LegacyPrefix.Length)..bracket];
        return TryBuild(info, ';', trimProperties: false, LegacyEscapes, registered, out command)
            && SetData(ref command, Unescape(line[(bracket + 1)..], LegacyEscapes));
    }

    public static string UnescapeData(string text) => Unescape(text, DataEscapes);

    public static string UnescapeProperty(string text) => Unescape(text, PropertyEscapes);

    private static bool TryBuild(
        string info, char separator, bool trimProperties, (string, string)[] escapes, IReadOnlySet<string> registered,
        [NotNullWhen(true)] out GitHubWorkflowCommand? command)
    {
        command = null;
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? info : info[..space];
        if (name.Length == 0 || !registered.Contains(name))
        {
            return false;
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (space > 0)
        {
            var text = info[(space + 1)..];
            foreach (var pairText in (trimProperties ? text.Trim() : text).Split(separator, StringSplitOptions.RemoveEmptyEntries))
            {
                var pair = pairText.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
                if (pair.Length == 2)
                {
                    properties[pair[0]] = Unescape(pair[1], escapes);
                }
            }
        }

        command = new GitHubWorkflowCommand(name, properties, string.Empty);
        return true;
    }

    private static bool SetData([NotNullWhen(true)] ref GitHubWorkflowCommand? command, string data)
    {
        command = command! with { Data = data };
        return true;
    }

    private static string Unescape(string text, (string Escaped, string Text)[] escapes)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        foreach (var (code, value) in escapes)
        {
            text = text.Replace(code, value, StringComparison.Ordinal);
        }

        return text;
    }
}
