using System.Text;

namespace Slipway.Cli.Rendering;

/// <summary>Makes program output safe to draw inside the live view: no escape sequences, no control characters, one line.</summary>
internal static class ConsoleText
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsCleaning(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\u001b')
            {
                i = SkipEscape(text, i);
            }
            else if (c == '\t')
            {
                builder.Append("    ");
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Clip(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (width <= 1 || text.Length <= width)
        {
            return text.Length <= Math.Max(width, 1) ? text : text[..Math.Max(width, 1)];
        }

        return text[..(width - 1)] + "…";
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Index of the last character of an escape sequence (CSI <c>ESC [ ... final</c>, OSC up to BEL/ST, or a two-character one).</summary>
    private static int SkipEscape(string text, int start)
    {
        if (start + 1 >= text.Length)
        {
            return start;
        }

        var kind = text[start + 1];
        var i = start + 2;
        if (kind == '[')
        {
            while (i < text.Length && text[i] is < '@' or > '~')
            {
                i++;
            }

            return Math.Min(i, text.Length - 1);
        }

        if (kind == ']')
        {
            while (i < text.Length && text[i] != '\a' && !(text[i] == '\u001b' && i + 1 < text.Length && text[i + 1] == '\\'))
            {
                i++;
            }

            return i < text.Length && text[i] == '\u001b' ? i + 1 : Math.Min(i, text.Length - 1);
        }

        return start + 1;
    }
}
