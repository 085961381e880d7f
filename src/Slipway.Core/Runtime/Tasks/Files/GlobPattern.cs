using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Core.Runtime.Tasks.Files;

/// <summary>
/// One minimatch pattern as azure-pipelines-task-lib matches it (its default match options:
/// <c>dot: true</c>, <c>nobrace: true</c>, globstar on, case-sensitive on Linux/macOS):
/// <c>**</c> as a whole segment spans zero or more folders, <c>*</c> and <c>?</c> stay inside one
/// segment, <c>[...]</c> is a character class. Backslashes are read as folder separators, so
/// patterns written on Windows work; paths are compared with forward slashes.
/// </summary>
internal sealed class GlobPattern
{
    private readonly Regex _regex;

    private GlobPattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    public string Text { get; }

    /// <summary>Compiles a pattern; <paramref name="dot"/> false keeps wildcards off names starting with a dot.</summary>
    public static GlobPattern Create(string pattern, bool dot = true, bool ignoreCase = false)
    {
        var hidden = dot ? string.Empty : "(?!\\.)";
        var normalised = Normalise(pattern);
        var regex = new StringBuilder("^");
        var segments = normalised.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            if (segments[i] == "**")
            {
                // Zero or more whole segments (dot: true, so hidden folders too); a trailing
                // globstar also matches the folder itself (minimatch: "a/**" matches "a").
                if (!last)
                {
                    regex.Append("(?:" + hidden + "[^/]*/)*");
                }
                else if (i == 0)
                {
                    regex.Append(dot ? ".*" : "(?:(?!\\.)[^/]*(?:/(?!\\.)[^/]*)*)?");
                }
                else
                {
                    regex.Length--;
                    regex.Append(dot ? "(?:/.*)?" : "(?:/(?!\\.)[^/]*)*");
                }

                continue;
            }

            if (!dot && segments[i].Length > 0 && segments[i][0] is '*' or '?' or '[')
            {
                regex.Append(hidden);
            }

            AppendSegment(regex, segments[i]);
            if (!last)
            {
                regex.Append('/');
            }
        }

        regex.Append('$');
        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new GlobPattern(pattern, new Regex(regex.ToString(), options, TimeSpan.FromSeconds(2)));
    }

    /// <summary>True when the (absolute or relative) path matches; backslashes count as separators.</summary>
    public bool IsMatch(string path) => _regex.IsMatch(Normalise(path));

    /// <summary>Forward slashes, no doubled separators, no trailing separator (except the root).</summary>
    public static string Normalise(string path)
    {
        var text = path.Replace('\\', '/');
        while (text.Contains("//", StringComparison.Ordinal))
        {
            text = text.Replace("//", "/", StringComparison.Ordinal);
        }

        return text.Length > 1 && text.EndsWith('/') ? text[..^1] : text;
    }

    /// <summary>True when the pattern has any glob character (a literal path otherwise).</summary>
    public static bool HasWildcards(string pattern) => pattern.IndexOfAny(['*', '?', '[']) >= 0;

    private static void AppendSegment(StringBuilder regex, string segment)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[' when TryClass(segment, i, out var cls, out var end):
                    regex.Append(cls);
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
    }

    private static bool TryClass(string segment, int start, out string cls, out int end)
    {
        cls = string.Empty;
        end = segment.IndexOf(']', start + 2);
        if (end < 0)
        {
            return false;
        }

        var body = segment[(start + 1)..end];
        var negate = body.Length > 0 && body[0] is '!' or '^';
        if (negate)
        {
            body = body[1..];
        }

        var escaped = body.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
        cls = negate ? $"[^/{escaped}]" : $"[{escaped}]";
        return true;
    }
}
