using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

internal sealed partial class TemplateWalker
{
    /// <summary>
    /// <c>extends: { template, parameters }</c>: the template's pipeline is merged into the including root
    /// (AZP-TPL-30). An extends template may itself extend another.
    /// </summary>
    private void ExpandExtends(YamlEntry entry, ExpansionContext ctx, MappingBuilder output)
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
            MergeExtended(item, output);
        }
    }

    /// <summary>With <c>extends</c>, the stages, jobs and steps come from the template (AZP-DOC-1, AZP-TPL-30).</summary>
    private void RejectBodyBesideExtends(YamlMapping root)
    {
        foreach (var body in root.Entries.Where(e => e.Key.Value is "stages" or "jobs" or "steps"))
        {
            diagnostics.Error(TemplateDiagnosticCodes.InvalidExtends,
                $"'{body.Key.Value}' cannot be used together with 'extends': the template provides the pipeline's stages, jobs and steps.",
                body.Key.Location);
        }
    }

    /// <summary>Keys from the template join the root's; lists (e.g. variables) and mappings (e.g. resources) are combined.</summary>
    private void MergeExtended(YamlEntry entry, MappingBuilder output)
    {
        if (output.TryAdd(entry))
        {
            return;
        }

        var index = output.IndexOf(entry.Key.Value);
        if (Combine(output.Entries[index].Value, entry.Value) is { } combined)
        {
            output.Entries[index] = output.Entries[index] with { Value = combined };
            return;
        }

        diagnostics.Error(TemplateDiagnosticCodes.DuplicateKey,
            $"'{entry.Key.Value}' is defined both by the pipeline and by the template it extends.", entry.Key.Location);
    }

    /// <summary>A list of <c>name</c>/<c>value</c>, <c>group</c> or <c>template</c> items: variables in list form.</summary>
    private static bool IsVariableList(YamlSequence sequence) =>
        sequence.Items.All(i => i is YamlMapping m && (m.Find("name") ?? m.Find("group") ?? m.Find("template")) is not null);

    private YamlNode? Combine(YamlNode first, YamlNode second)
    {
        switch (first, second)
        {
            case (YamlSequence a, YamlSequence b):
                return new YamlSequence([.. a.Items, .. b.Items], a.Location, a.Tag);
            case (YamlMapping a, YamlSequence b) when IsVariableList(b):
                return new YamlSequence([.. a.Entries.Select(ToListItem), .. b.Items], b.Location, b.Tag);
            case (YamlSequence a, YamlMapping b) when IsVariableList(a):
                return new YamlSequence([.. a.Items, .. b.Entries.Select(ToListItem)], a.Location, a.Tag);
            case (YamlMapping a, YamlMapping b):
                var entries = new MappingBuilder(a.Entries.Count + b.Entries.Count);
                foreach (var e in a.Entries.Concat(b.Entries))
                {
                    MergeExtended(e, entries);
                }

                return new YamlMapping(entries.Entries, a.Location, a.Tag);
            default:
                return null;
        }
    }
}
