using System.Text;

namespace Slipway.Core.Runtime.Tasks.DotNet;

/// <summary>Splits an <c>arguments</c> input into arguments as the task-lib's <c>ToolRunner.line()</c> does:
/// whitespace separates, double quotes group (and are removed), a backslash before a quote escapes it.</summary>
internal static class CommandLineSplitter
{
    public static IReadOnlyList<string> Split(string? text)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        var current = new StringBuilder();
        bool inQuotes = false, started = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] == '"')
            {
                current.Append('"');
                started = true;
                i++;
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
                started = true;
            }
            else if (char.IsWhiteSpace(c) && !inQuotes)
            {
                if (started)
                {
                    result.Add(current.ToString());
                    current.Clear();
                    started = false;
                }
            }
            else
            {
                current.Append(c);
                started = true;
            }
        }

        if (started)
        {
            result.Add(current.ToString());
        }

        return result;
    }
}
