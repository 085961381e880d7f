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

        switch (expanded[section])
        {
            case YamlSequence items:
                foreach (var item in items.Items)
                {
                    output.Add(item);
                    collector?.Collect(item);
                }

                break;
            case YamlMapping variables when kind == TemplateKind.Variable:
                foreach (var item in variables.Entries.Select(ToListItem))
                {
                    output.Add(item);
                    collector?.Collect(item);
                }

                break;
            case YamlScalar { IsNull: true } or null:
                break;
            case var other:
                diagnostics.Error(TemplateDiagnosticCodes.UnexpectedTemplateKey,
                    $"'{section}' of a {kind.Describe()} must be a list.", other.Location);
                break;
        }
    }

    /// <summary>Resolves, reads and checks a template, binds its parameters and builds the context to expand it in.</summary>
    private LoadedTemplate? Load(YamlMapping reference, TemplateKind kind, ExpansionContext ctx)
    {
        foreach (var extra in reference.Entries.Where(e => e.Key.Value is not ("template" or "parameters")))
        {
            diagnostics.Error(TemplateDiagnosticCodes.UnexpectedReferenceKey,
                $"Unexpected value '{extra.Key.Value}': a template reference may only have 'template' and 'parameters' (use ${{{{ if }}}} around it, or pass a parameter).",
                extra.Key.Location);
        }

        var templateEntry = reference.Find("template")!;
        if (ReferenceText(templateEntry, ctx) is not { } path)
        {
            return null;
        }

        var where = templateEntry.Value.Location;
        var passed = PassedParameters(reference.Find("parameters"), ctx);
        var from = files.FindByDisplayName(where.File) ?? ctx.File;
        if (files.Resolve(path, from, where) is not { } source || !WithinNesting(source, ctx, where))
        {
            return null;
        }

        var root = files.LoadTemplate(source, path, where, out var failed);
        if (root is not YamlMapping map)
        {
            if (!failed)
            {
                diagnostics.Error(TemplateDiagnosticCodes.TemplateNotMapping,
                    $"The template '{path}' must be a mapping with '{(kind == TemplateKind.Extends ? "parameters" : kind.Section())}'; it is {(root is null ? "empty" : "not a mapping")}.", where);
            }

            return null;
        }

        var declarations = Declarations(map);
        passed = ResolveListParameters(declarations, passed, ctx);
        var bound = ParameterBinder.Bind(declarations, passed, source.DisplayName, where, diagnostics);
        if (IsRecursive(source, bound, ctx, where))
        {
            return null;
        }

        var body = new YamlMapping(map.Entries.Where(e => e.Key.Value != "parameters").ToList(), map.Location, map.Tag);
        var frame = new IncludeFrame(source, bound, where, ctx.Frame);
        var inner = new ExpansionContext(source, bound, ctx.Variables, frame, null);
        return new LoadedTemplate(source, body, inner);
    }

    private readonly Dictionary<YamlMapping, ParameterDeclarations> _declarations = new(ReferenceEqualityComparer.Instance);

    /// <summary>A template's declarations, read (and their mistakes reported) once per file.</summary>
    private ParameterDeclarations Declarations(YamlMapping template)
    {
        if (!_declarations.TryGetValue(template, out var declarations))
        {
            declarations = ParameterDeclarations.Parse(template["parameters"], diagnostics);
            _declarations[template] = declarations;
        }

        return declarations;
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

    /// <summary>
    /// Values for stepList, jobList, deploymentList and stageList parameters are read as steps, jobs or stages,
    /// so template references inside them are resolved before the template sees them (e.g. job templates
    /// passed in the stages of an extends template).
    /// </summary>
    private IReadOnlyList<YamlEntry> ResolveListParameters(ParameterDeclarations declarations, IReadOnlyList<YamlEntry> passed, ExpansionContext ctx)
    {
        var types = declarations.ListTypes;
        if (types.Count == 0)
        {
            return passed;
        }

        var inner = ctx with { Evaluate = false, ResolveReferences = true };
        return [.. passed.Select(entry => types.GetValueOrDefault(entry.Key.Value) switch
        {
            ParameterType.StepList when entry.Value is YamlSequence s => entry with { Value = ExpandSequence(s, inner, "steps") },
            ParameterType.JobList or ParameterType.DeploymentList when entry.Value is YamlSequence s => entry with { Value = ExpandSequence(s, inner, "jobs") },
            ParameterType.StageList when entry.Value is YamlSequence s => entry with { Value = ExpandSequence(s, inner, "stages") },
            _ => entry,
        })];
    }

    private bool WithinNesting(TemplateSource source, ExpansionContext ctx, SourceLocation where)
    {
        if (ctx.Nesting < options.MaxNesting)
        {
            return true;
        }

        var repeats = ctx.Frame?.Outward().Any(f => f.Source.FullPath == source.FullPath) == true;
        diagnostics.Error(repeats ? TemplateDiagnosticCodes.Recursion : TemplateDiagnosticCodes.TooDeep,
            $"Templates are nested more than {options.MaxNesting} levels deep (AZP-TPL-3){(repeats ? ", through recursive inclusion" : string.Empty)}: {DescribeChain(ctx, source)}.",
            where);
        return false;
    }

    /// <summary>The same file with the same parameters already on the chain can only expand forever.</summary>
    private bool IsRecursive(TemplateSource source, ParameterSet bound, ExpansionContext ctx, SourceLocation where)
    {
        for (var frame = ctx.Frame; frame is not null; frame = frame.Parent)
        {
            if (frame.Source.FullPath == source.FullPath && ParameterSetComparer.AreEqual(frame.Parameters, bound))
            {
                diagnostics.Error(TemplateDiagnosticCodes.Recursion, $"Recursive template inclusion: {DescribeChain(ctx, source)}.", where);
                return true;
            }
        }

        return false;

    }

    private static string DescribeChain(ExpansionContext ctx, TemplateSource next)
    {
        var frames = ctx.Frame?.Outward() ?? [];
        var names = new List<string> { frames.Count > 0 ? frames[0].At.File : ctx.File.DisplayName };
        names.AddRange(frames.Select(f => f.Source.DisplayName));
        names.Add(next.DisplayName);
        if (names.Count > 12)
        {
            names = [.. names.Take(5), "...", .. names.TakeLast(5)];
        }

        return string.Join(" -> ", names);
    }
}
