using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>
/// One branch, tag or path filter pattern, with GitHub's glob rules ("Filter pattern cheat sheet"):
/// <c>*</c> matches any run of characters except <c>/</c>; <c>**</c> any run including <c>/</c> (and
/// <c>**/</c> any number of leading folders, none included); <c>?</c> zero or one and <c>+</c> one or more of
/// the preceding character; <c>[]</c> one character of a set or range (a-z, A-Z, 0-9 only); <c>\</c>
/// escapes the next character; a leading <c>!</c> makes the pattern negative. The whole name must match.
/// The regular expression runs without backtracking, so no pattern in a workflow can make matching slow.
/// </summary>
internal sealed class FilterPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private FilterPattern(string text, bool negative, Regex regex)
    {
        Text = text;
        IsNegative = negative;
        Regex = regex;
    }

    /// <summary>The pattern as written (with its <c>!</c>).</summary>
    public string Text { get; }

    public bool IsNegative { get; }

    private Regex Regex { get; }

    public bool IsMatch(string name) => Regex.IsMatch(name);

    /// <summary>The pattern, or why GitHub would reject it.</summary>
    public static FilterPattern? TryParse(string text, out string? error)
    {
        var negative = text.StartsWith('!');
        var body = negative ? text[1..] : text;
        var regex = new StringBuilder("^");
        error = Translate(body, regex);
        if (error is not null)
        {
            error = $"invalid pattern '{text}': {error}";
            return null;
        }

        regex.Append('$');
        return new FilterPattern(text, negative, new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout));
    }

    private static string? Translate(string pattern, StringBuilder regex)
    {
        var quantifiable = false; // whether '?' and '+' have a preceding character to apply to
        for (var pos = 0; pos < pattern.Length;)
        {
            var c = pattern[pos];
            switch (c)
            {
                case '*' when At(pattern, pos + 1, '*') && At(pattern, pos + 2, '/'):
                    regex.Append("(?:.+/)?");
                    pos += 3;
                    quantifiable = false;
                    break;
                case '*' when At(pattern, pos + 1, '*'):
                    regex.Append(".*");
                    pos += 2;
                    quantifiable = false;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    pos++;
                    quantifiable = false;
                    break;
                case '?' or '+' when quantifiable:
                    regex.Append(c);
                    pos++;
                    quantifiable = false;
                    break;
                case '[':
                    var end = CharacterClass(pattern, pos, regex, out var classError);
                    if (classError is not null)
                    {
                        return classError;
                    }

                    pos = end;
                    quantifiable = true;
                    break;
                case '\\':
                    if (pos + 1 >= pattern.Length)
                    {
                        return "nothing to escape after '\\' at the end";
                    }

                    regex.Append(Regex.Escape(pattern[pos + 1].ToString()));
                    pos += 2;
                    quantifiable = true;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    pos++;
                    quantifiable = true;
                    break;
            }
        }

        return null;
    }

    /// <summary>Translates <c>[...]</c> starting at <paramref name="start"/>; returns the position after <c>]</c>.</summary>
    private static int CharacterClass(string pattern, int start, StringBuilder regex, out string? error)
    {
        error = null;
        var pos = start + 1;
        if (At(pattern, pos, ']'))
        {
            error = "empty brackets '[]'";
            return pos;
        }

        var set = new StringBuilder("[");
        for (; pos < pattern.Length && pattern[pos] != ']'; pos++)
        {
            var c = pattern[pos];
            if (!IsAlphanumeric(c))
            {
                error = $"'{c}' in brackets: sets and ranges may only include a-z, A-Z and 0-9";
                return pos;
            }

            if (At(pattern, pos + 1, '-') && pos + 2 < pattern.Length && pattern[pos + 2] != ']')
            {
                var to = pattern[pos + 2];
                if (!SameRange(c, to) || to < c)
                {
                    error = $"invalid range '{c}-{to}': ranges may only be a-z, A-Z or 0-9";
                    return pos;
                }

                set.Append(c).Append('-').Append(to);
                pos += 2;
                continue;
            }

            set.Append(c);
        }

        if (pos >= pattern.Length)
        {
            error = "missing ']' after '['";
            return pos;
        }

        regex.Append(set).Append(']');
        return pos + 1;
    }

    private static bool At(string s, int index, char c) => index < s.Length && s[index] == c;

    private static bool IsAlphanumeric(char c) => char.IsAsciiLetterOrDigit(c);

    private static bool SameRange(char a, char b) =>
        (char.IsAsciiDigit(a) && char.IsAsciiDigit(b)) || (char.IsAsciiLetterLower(a) && char.IsAsciiLetterLower(b))
        || (char.IsAsciiLetterUpper(a) && char.IsAsciiLetterUpper(b));
}
