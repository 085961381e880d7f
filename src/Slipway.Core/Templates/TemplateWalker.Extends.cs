using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

internal sealed partial class TemplateWalker
{
    /// <summary>
    /// <c>extends: { template, parameters }</c>: the template's pipeline is merged into the including root
    /// (AZP-TPL-30). An extends template may itself extend another.
    /// </summary>
    private void ExpandExtends(YamlEntry entry, ExpansionContext ctx, List<YamlEntry> output, HashSet<string> seen)
    {
        if (entry.Value is not YamlMapping reference || reference.Find("template") is null)
        {
            diagnostics.Error(TemplateDiagnosticCodes.InvalidExtends,
                "'extends' must be a mapping with 'template' (and optionally 'parameters').", entry.Value.Location);
            return;
        }

        if (Load(reference, TemplateKind.Extends, ctx) is not { } loaded)
        {
            return;
        }

        var expanded = ExpandMapping(loaded.Body, loaded.Context, NodeRole.ExtendsRoot);
        foreach (var item in expanded.Entries)
        {
            MergeExtended(item, output, seen);
        }
    }

    /// <summary>Keys from the template join the root's; lists (e.g. variables) and mappings (e.g. resources) are combined.</summary>
    private void MergeExtended(YamlEntry entry, List<YamlEntry> output, HashSet<string> seen)
    {
        if (seen.Add(entry.Key.Value))
        {
            output.Add(entry);
            return;
        }

        var index = output.FindIndex(e => e.Key.Value == entry.Key.Value);
        if (Combine(output[index].Value, entry.Value) is { } combined)
        {
            output[index] = output[index] with { Value = combined };
            return;
        }

        diagnostics.Error(TemplateDiagnosticCodes.DuplicateKey,
            $"'{entry.Key.Value}' is defined both by the pipeline and by the template it extends.", entry.Key.Location);
    }

    private YamlNode? Combine(YamlNode first, YamlNode second)
    {
        switch (first, second)
        {
            case (YamlSequence a, YamlSequence b):
                return new YamlSequence([.. a.Items, .. b.Items], a.Location, a.Tag);
            case (YamlMapping a, YamlMapping b):
                var entries = new List<YamlEntry>(a.Entries);
                var keys = new HashSet<string>(a.Entries.Select(e => e.Key.Value), StringComparer.Ordinal);
                foreach (var e in b.Entries)
                {
                    MergeExtended(e, entries, keys);
                }

                return new YamlMapping(entries, a.Location, a.Tag);
            default:
                return null;
        }
    }
}
