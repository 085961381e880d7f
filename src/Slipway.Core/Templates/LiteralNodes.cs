using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

/// <summary>
/// Remembers which subtrees hold nothing to expand (no <c>${{</c>, no template references) so that they are
/// reused as they are instead of being copied on every instantiation of their template.
/// </summary>
internal sealed class LiteralNodes
{
    private const int NotLiteral = -1;
    private const int NodeOverhead = 8;

    private readonly Dictionary<YamlNode, long> _sizes = new(ReferenceEqualityComparer.Instance);

    /// <summary>The approximate size of the subtree when it is literal; -1 when it needs expanding.</summary>
    public long SizeIfLiteral(YamlNode node)
    {
        if (node is YamlScalar scalar)
        {
            // Cheaper to look at than to look up.
            return ExpressionText.MayContainExpression(scalar.Value) ? NotLiteral : scalar.Value.Length + NodeOverhead;
        }

        if (_sizes.TryGetValue(node, out var size))
        {
            return size;
        }

        size = node switch
        {
            YamlSequence sequence => Sum(sequence.Items),
            YamlMapping mapping => MappingSize(mapping),
            _ => NotLiteral,
        };
        _sizes[node] = size;
        return size;
    }

    private long MappingSize(YamlMapping mapping)
    {
        long total = NodeOverhead;
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value;
            if (key is "template" or "extends" || ExpressionText.MayContainExpression(key))
            {
                return NotLiteral;
            }

            var value = SizeIfLiteral(entry.Value);
            if (value < 0)
            {
                return NotLiteral;
            }

            total += key.Length + NodeOverhead + value;
        }

        return total;
    }

    private long Sum(IReadOnlyList<YamlNode> items)
    {
        long total = NodeOverhead;
        foreach (var item in items)
        {
            var size = SizeIfLiteral(item);
            if (size < 0)
            {
                return NotLiteral;
            }

            total += size;
        }

        return total;
    }
}
