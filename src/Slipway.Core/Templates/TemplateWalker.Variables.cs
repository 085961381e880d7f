using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

internal sealed partial class TemplateWalker
{
    /// <summary>Expands a <c>variables:</c> block, adding each variable to the scope of <paramref name="ctx"/> as it is produced.</summary>
    private YamlNode ExpandVariablesBlock(YamlNode block, ExpansionContext ctx)
    {
        var collector = new VariableCollector(ctx.Variables);
        switch (block)
        {
            case YamlMapping map:
                var entries = new MappingBuilder(map.Entries.Count);
                ExpandMappingInto(map, ctx, NodeRole.Other, entries, collector);
                return new YamlMapping(entries.Entries, map.Location, map.Tag);
            case YamlSequence sequence:
                var items = new List<YamlNode>(sequence.Items.Count);
                ExpandSequenceInto(sequence, ctx, "variables", items, collector);
                return new YamlSequence(items, sequence.Location, sequence.Tag);
            default:
                var expanded = ExpandNode(block, ctx, "variables", NodeRole.Other);
                collector.CollectAll(expanded);
                return expanded;
        }
    }

    /// <summary>A variable template's mapping-form variables become list items when spliced into a list.</summary>
    private static YamlMapping ToListItem(YamlEntry entry) =>
        new([
            new YamlEntry(new YamlScalar("name", ScalarStyle.Plain, entry.Key.Location), entry.Key),
            new YamlEntry(new YamlScalar("value", ScalarStyle.Plain, entry.Value.Location), entry.Value),
        ], entry.Key.Location);
}
