namespace Slipway.Core.Templates;

/// <summary>One piece of a scalar: literal text, or the inside of a <c>${{ }}</c> with its offset in the scalar.</summary>
internal readonly record struct TextSegment(bool IsExpression, string Text, int Offset);

/// <summary>
/// Splits a scalar into literal text and <c>${{ ... }}</c> expressions. Single-quoted strings inside an
/// expression may contain <c>}}</c> and <c>${{</c> (AZP-TPL-24); <c>''</c> escapes a quote.
/// </summary>
internal static class ExpressionText
{
    public static bool MayContainExpression(string text) => text.Contains("${{", StringComparison.Ordinal);

    /// <summary>The segments, or null when an expression is not closed (the error is the caller's to report).</summary>
    public static List<TextSegment>? Split(string text)
    {
        var segments = new List<TextSegment>(4);
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("${{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                segments.Add(new TextSegment(false, text[position..], position));
                break;
            }

            if (open > position)
            {
                segments.Add(new TextSegment(false, text[position..open], position));
            }

            var close = FindClose(text, open + 3);
            if (close < 0)
            {
                return null;
            }

            segments.Add(new TextSegment(true, text[(open + 3)..close].Trim(), open));
            position = close + 2;
        }

        return segments;
    }

    /// <summary>The expression inside when the whole text is exactly one <c>${{ }}</c> (surrounding spaces allowed).</summary>
    public static string? WholeExpression(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("${{", StringComparison.Ordinal))
        {
            return null;
        }

        var close = FindClose(trimmed, 3);
        return close == trimmed.Length - 2 ? trimmed[3..close].Trim() : null;
    }

    private static int FindClose(string text, int from)
    {
        var inString = false;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                // '' inside a string is an escaped quote: toggling twice keeps the state.
                inString = !inString;
            }
            else if (!inString && c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                return i;
            }
        }

        return -1;
    }
}
