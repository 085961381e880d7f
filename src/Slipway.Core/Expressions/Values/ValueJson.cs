using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Slipway.Core.Expressions.Values;

/// <summary>Converts values to and from JSON text (context files, convertToJson/toJSON, fromJSON).</summary>
internal static class ValueJson
{
    private const int MaxDepth = 256;

    /// <summary>Writes JSON; indented output uses two spaces and <c>"key": value</c>, as Azure's convertToJson and GitHub's toJSON do.</summary>
    public static string Write(ExpressionValue value, bool indented, Func<double, string>? formatNumber = null)
    {
        var sb = new StringBuilder();
        WriteValue(sb, value, indented, 0, formatNumber ?? FormatNumber);
        return sb.ToString();
    }

    /// <summary>Parses JSON text; returns false (and a message) for invalid JSON.</summary>
    public static bool TryParse(string text, out ExpressionValue value, out string error)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth });
            value = FromElement(doc.RootElement);
            error = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            value = ExpressionValue.Null;
            error = e.Message;
            return false;
        }
    }

    public static ExpressionValue FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => BooleanValue.True,
        JsonValueKind.False => BooleanValue.False,
        JsonValueKind.Number => new NumberValue(element.GetDouble()),
        JsonValueKind.String => new StringValue(element.GetString() ?? string.Empty),
        JsonValueKind.Array => new ArrayValue(element.EnumerateArray().Select(FromElement).ToList()),
        JsonValueKind.Object => new ObjectValue(element.EnumerateObject()
            .Select(p => new KeyValuePair<string, ExpressionValue>(p.Name, FromElement(p.Value)))),
        _ => ExpressionValue.Null,
    };

    /// <summary>Integers print without a decimal point; other numbers with the shortest round-trip form.</summary>
    public static string FormatNumber(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return "null";
        }

        if (d == Math.Floor(d) && Math.Abs(d) < 1e15)
        {
            return ((long)d).ToString(CultureInfo.InvariantCulture);
        }

        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    private static void WriteValue(StringBuilder sb, ExpressionValue value, bool indented, int depth, Func<double, string> formatNumber)
    {
        switch (value)
        {
            case BooleanValue b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case NumberValue n:
                sb.Append(formatNumber(n.Value));
                break;
            case StringValue s:
                WriteString(sb, s.Value);
                break;
            case VersionValue v:
                WriteString(sb, v.Value.ToString());
                break;
            case DateTimeValue t:
                WriteString(sb, t.ToInvariantString());
                break;
            case ArrayValue a:
                WriteArray(sb, a, indented, depth, formatNumber);
                break;
            case ObjectValue o:
                WriteObject(sb, o, indented, depth, formatNumber);
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static void WriteArray(StringBuilder sb, ArrayValue array, bool indented, int depth, Func<double, string> formatNumber)
    {
        if (array.Count == 0)
        {
            sb.Append("[]");
            return;
        }

        sb.Append('[');
        for (var i = 0; i < array.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : ",");
            NewLine(sb, indented, depth + 1);
            WriteValue(sb, array.Items[i], indented, depth + 1, formatNumber);
        }

        NewLine(sb, indented, depth);
        sb.Append(']');
    }

    private static void WriteObject(StringBuilder sb, ObjectValue obj, bool indented, int depth, Func<double, string> formatNumber)
    {
        if (obj.Count == 0)
        {
            sb.Append("{}");
            return;
        }

        sb.Append('{');
        var first = true;
        foreach (var (key, item) in obj.Entries)
        {
            sb.Append(first ? string.Empty : ",");
            first = false;
            NewLine(sb, indented, depth + 1);
            WriteString(sb, key);
            sb.Append(indented ? ": " : ":");
            WriteValue(sb, item, indented, depth + 1, formatNumber);
        }

        NewLine(sb, indented, depth);
        sb.Append('}');
    }

    private static void NewLine(StringBuilder sb, bool indented, int depth)
    {
        if (indented)
        {
            sb.Append('\n').Append(' ', depth * 2);
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < ' ')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
