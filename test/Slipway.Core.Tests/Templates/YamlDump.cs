using System.Text;
using Slipway.Core.Yaml;

namespace Slipway.Core.Tests.Templates;

/// <summary>A plain YAML-like rendering of a tree for failure messages (not a serializer).</summary>
internal static class YamlDump
{
    public static string Write(YamlNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, YamlNode? node, int indent)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case YamlMapping map:
                foreach (var e in map.Entries)
                {
                    if (e.Value is YamlScalar s)
                    {
                        sb.Append(pad).Append(e.Key.Value).Append(": ").Append(s.Value.Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
                    }
                    else
                    {
                        sb.Append(pad).Append(e.Key.Value).Append(":\n");
                        Write(sb, e.Value, indent + 2);
                    }
                }

                break;
            case YamlSequence seq:
                foreach (var item in seq.Items)
                {
                    sb.Append(pad).Append("-\n");
                    Write(sb, item, indent + 2);
                }

                break;
            case YamlScalar scalar:
                sb.Append(pad).Append(scalar.Value).Append('\n');
                break;
        }
    }
}
