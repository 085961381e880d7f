using System.Text;

namespace Slipway.Core.Runtime.Variables;

/// <summary>
/// <c>$(name)</c> macros as the agent expands them (AZP-VAR-1, -5, -6): case-insensitive, recursive
/// through variable values, an undefined name stays as written. A name containing <c>$(</c> is left
/// alone (composing names is not supported), and recursion stops at a fixed depth so a cycle cannot hang.
/// </summary>
internal static class MacroExpander
{
    private const int MaxDepth = 20;

    public static string Expand(string text, Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Expand(text, lookup, 0);
    }

    private static string Expand(string text, Func<string, string?> lookup, int depth)
    {
        var start = text.IndexOf("$(", StringComparison.Ordinal);
        if (start < 0 || depth > MaxDepth)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        var position = 0;
        while (start >= 0)
        {
            var end = text.IndexOf(')', start + 2);
            if (end < 0)
            {
                break;
            }

            var name = text.AsSpan(start + 2, end - start - 2).Trim();
            var value = name.Length > 0 && !name.Contains("$(", StringComparison.Ordinal) ? lookup(name.ToString()) : null;
            if (value is null)
            {
                // Not a known variable: keep the text and look again from inside it, as the agent does.
                builder.Append(text, position, start + 2 - position);
                position = start + 2;
                start = text.IndexOf("$(", position, StringComparison.Ordinal);
                continue;
            }

            builder.Append(text, position, start - position);
            builder.Append(Expand(value, lookup, depth + 1));
            position = end + 1;
            start = text.IndexOf("$(", position, StringComparison.Ordinal);
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }
}
