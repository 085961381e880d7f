using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

internal sealed partial class TemplateWalker
{
    /// <summary>A template file split into what it declares and what it produces.</summary>
    private sealed record TemplateShape(ParameterDeclarations Declarations, YamlMapping Body);

    private readonly Dictionary<YamlMapping, TemplateShape> _shapes = new(ReferenceEqualityComparer.Instance);

    /// <summary>Reads a template file; its declarations are parsed (and their mistakes reported) once per file.</summary>
    private TemplateShape? ReadTemplate(TemplateSource source, string path, TemplateKind kind, SourceLocation where)
    {
        var root = files.LoadTemplate(source, path, where, out var failed);
        if (root is not YamlMapping map)
        {
            if (!failed)
            {
                var section = kind == TemplateKind.Extends ? "parameters" : kind.Section();
                diagnostics.Error(TemplateDiagnosticCodes.TemplateNotMapping,
                    $"The template '{path}' must be a mapping with '{section}'; it is {(root is null ? "empty" : "not a mapping")}.", where);
            }

            return null;
        }

        if (!_shapes.TryGetValue(map, out var shape))
        {
            var declarations = ParameterDeclarations.Parse(map["parameters"], diagnostics);
            var body = new YamlMapping([.. map.Entries.Where(e => e.Key.Value != "parameters")], map.Location, map.Tag);
            shape = new TemplateShape(declarations, body);
            _shapes[map] = shape;
        }

        return shape;
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
}
