using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

/// <summary>Structural equality of parameter values (locations ignored), for recursion detection.</summary>
internal static class ParameterSetComparer
{
    public static bool AreEqual(ParameterSet a, ParameterSet b)
    {
        if (a.Items.Count != b.Items.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Items.Count; i++)
        {
            var (x, y) = (a.Items[i], b.Items[i]);
            if (!string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase) || x.Type != y.Type || !NodesEqual(x.Value, y.Value, 0))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NodesEqual(YamlNode? a, YamlNode? b, int depth)
    {
        if (depth > 64)
        {
            return false;
        }

        return (a, b) switch
        {
            (null, null) => true,
            (YamlScalar x, YamlScalar y) => x.Value == y.Value,
            (YamlSequence x, YamlSequence y) => x.Items.Count == y.Items.Count
                && x.Items.Zip(y.Items).All(p => NodesEqual(p.First, p.Second, depth + 1)),
            (YamlMapping x, YamlMapping y) => x.Entries.Count == y.Entries.Count
                && x.Entries.Zip(y.Entries).All(p => p.First.Key.Value == p.Second.Key.Value && NodesEqual(p.First.Value, p.Second.Value, depth + 1)),
            _ => false,
        };
    }
}
