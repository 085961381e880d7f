using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

internal sealed partial class TemplateWalker
{
    /// <summary>A template file after its parameters were bound, ready to be expanded.</summary>
    private sealed record LoadedTemplate(TemplateSource Source, YamlMapping Body, ExpansionContext Context);

    private void IncludeTemplate(YamlMapping reference, ExpansionContext ctx, string section, List<YamlNode> output, VariableCollector? collector)
    {
        var kind = TemplateKinds.FromSection(section);
        if (Load(reference, kind, ctx) is not { } loaded)
        {
            return;
        }

        var role = kind == TemplateKind.Variable ? NodeRole.VariableTemplateRoot : NodeRole.Other;
        var expanded = ExpandMapping(loaded.Body, loaded.Context, role);
        foreach (var entry in expanded.Entries.Where(e => e.Key.Value != section))
        {
            diagnostics.Error(TemplateDiagnosticCodes.UnexpectedTemplateKey,
                $"Unexpected value '{entry.Key.Value}': a {kind.Describe()} may contain only 'parameters' and '{section}' (AZP-TPL-4).",
                entry.Key.Location);
        }

        SpliceSection(expanded[section], kind, output, collector);
    }

    /// <summary>Puts the items of a template's section where its reference was.</summary>
    private void SpliceSection(YamlNode? section, TemplateKind kind, List<YamlNode> output, VariableCollector? collector)
    {
        var items = section switch
        {
            YamlSequence sequence => sequence.Items,
            YamlMapping variables when kind == TemplateKind.Variable => [.. variables.Entries.Select(ToListItem)],
            YamlScalar { IsNull: true } or null => [],
            _ => null,
        };
        if (items is null)
        {
            diagnostics.Error(TemplateDiagnosticCodes.UnexpectedTemplateKey,
                $"'{kind.Section()}' of a {kind.Describe()} must be a list.", section!.Location);
            return;
        }

        foreach (var item in items)
        {
            output.Add(item);
            collector?.Collect(item);
        }
    }

    /// <summary>Resolves, reads and checks a template, binds its parameters and builds the context to expand it in.</summary>
    private LoadedTemplate? Load(YamlMapping reference, TemplateKind kind, ExpansionContext ctx)
    {
        RejectExtraReferenceKeys(reference);
        var templateEntry = reference.Find("template")!;
        if (ReferenceText(templateEntry, ctx) is not { } path)
        {
            return null;
        }

        var where = templateEntry.Value.Location;
        var passed = PassedParameters(reference.Find("parameters"), ctx);
        var from = files.FindByDisplayName(where.File) ?? ctx.File;
        if (files.Resolve(path, from, where) is not { } source || !WithinNesting(source, ctx, where)
            || ReadTemplate(source, path, kind, where) is not { } shape)
        {
            return null;
        }

        passed = ResolveListParameters(shape.Declarations, passed, ctx);
        var bound = ParameterBinder.Bind(shape.Declarations, passed, source.DisplayName, where, diagnostics);
        if (IsRecursive(source, bound, ctx, where))
        {
            return null;
        }

        var frame = new IncludeFrame(source, bound, where, ctx.Frame);
        return new LoadedTemplate(source, shape.Body, new ExpansionContext(source, bound, ctx.Variables, frame, null));
    }

    /// <summary>A reference may carry only <c>template</c> and <c>parameters</c> (AZP-TPL-1, AZP-COND-7).</summary>
    private void RejectExtraReferenceKeys(YamlMapping reference)
    {
        foreach (var extra in reference.Entries.Where(e => e.Key.Value is not ("template" or "parameters")))
        {
            diagnostics.Error(TemplateDiagnosticCodes.UnexpectedReferenceKey,
                $"Unexpected value '{extra.Key.Value}': a template reference may only have 'template' and 'parameters' (use ${{{{ if }}}} around it, or pass a parameter).",
                extra.Key.Location);
        }
    }

    private string? ReferenceText(YamlEntry templateEntry, ExpansionContext ctx)
    {
        var value = ExpandNode(templateEntry.Value, ctx with { ResolveReferences = false }, null, NodeRole.Other);
        if (value is YamlScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
        {
            return scalar.Value.Trim();
        }

        diagnostics.Error(TemplateDiagnosticCodes.InvalidReference,
            "'template' must name a YAML file, e.g. 'template: steps/build.yml' or 'template: build.yml@templates'.", value.Location);
        return null;
    }

    /// <summary>The <c>parameters:</c> of a reference, evaluated where they are written; template references inside stay data.</summary>
    private IReadOnlyList<YamlEntry> PassedParameters(YamlEntry? entry, ExpansionContext ctx)
    {
        if (entry is null)
        {
            return [];
        }

        var value = ExpandNode(entry.Value, ctx with { ResolveReferences = false }, "parameters", NodeRole.Other);
        switch (value)
        {
            case YamlMapping map:
                return map.Entries;
            case YamlScalar { IsNull: true }:
                return [];
            default:
                diagnostics.Error(TemplateDiagnosticCodes.ParametersNotMapping,
                    "'parameters' of a template reference must be a mapping of parameter names to values.", value.Location);
                return [];
        }
    }
}
