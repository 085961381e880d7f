using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

/// <summary>The types a template or runtime parameter may declare (AZP-TPL-10); <see cref="Legacy"/> is the untyped mapping form.</summary>
internal enum ParameterType
{
    String,
    Number,
    Boolean,
    Object,
    Step,
    StepList,
    Job,
    JobList,
    Deployment,
    DeploymentList,
    Stage,
    StageList,
    Legacy,
}

internal sealed record ParameterDeclaration(
    string Name, ParameterType Type, YamlNode? Default, YamlSequence? Values, SourceLocation Location);

/// <summary>
/// The <c>parameters:</c> section of a template or pipeline: the list form (name, type, default, values,
/// displayName) or the legacy mapping form (<c>name: default</c>, untyped, every parameter optional).
/// </summary>
/// <summary>
/// <see cref="IsStrict"/>: the list form was used, so referring to an undeclared <c>parameters.x</c> is an error.
/// </summary>
internal sealed record ParameterDeclarations(IReadOnlyList<ParameterDeclaration> Items, bool IsLegacy, bool IsStrict = false)
{
    /// <summary>The declared type of each parameter that takes steps, jobs or stages (their references are resolved when passed).</summary>
    public Dictionary<string, ParameterType> ListTypes { get; } = Items
        .Where(d => d.Type is ParameterType.StepList or ParameterType.JobList or ParameterType.DeploymentList or ParameterType.StageList)
        .ToDictionary(d => d.Name, d => d.Type, StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> DeclarationKeys = new(StringComparer.Ordinal)
    {
        "name", "type", "default", "values", "displayName",
    };

    public static ParameterDeclarations None { get; } = new([], IsLegacy: false);

    public static ParameterDeclarations Parse(YamlNode? node, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case null:
            case YamlScalar { IsNull: true }:
                return None;
            case YamlMapping legacy:
                RejectExpressions(legacy, diagnostics);
                return new(legacy.Entries
                    .Select(e => new ParameterDeclaration(e.Key.Value, ParameterType.Legacy, e.Value, null, e.Key.Location))
                    .ToList(), IsLegacy: true);
            case YamlSequence list:
                return new(ParseList(list, diagnostics), IsLegacy: false, IsStrict: true);
            default:
                diagnostics.Error(TemplateDiagnosticCodes.InvalidParameterDeclaration,
                    "'parameters' must be a list of parameter declarations (or a mapping of names to defaults).", node.Location);
                return None;
        }
    }

    private static List<ParameterDeclaration> ParseList(YamlSequence list, DiagnosticBag diagnostics)
    {
        var result = new List<ParameterDeclaration>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list.Items)
        {
            if (ParseOne(item, diagnostics) is not { } declaration)
            {
                continue;
            }

            if (!seen.Add(declaration.Name))
            {
                diagnostics.Error(TemplateDiagnosticCodes.InvalidParameterDeclaration,
                    $"The parameter '{declaration.Name}' is declared more than once.", declaration.Location);
                continue;
            }

            result.Add(declaration);
        }

        return result;
    }

    private static ParameterDeclaration? ParseOne(YamlNode item, DiagnosticBag diagnostics)
    {
        if (item is not YamlMapping map)
        {
            diagnostics.Error(TemplateDiagnosticCodes.InvalidParameterDeclaration,
                "A parameter declaration must be a mapping with at least 'name'.", item.Location);
            return null;
        }

        foreach (var entry in map.Entries.Where(e => !DeclarationKeys.Contains(e.Key.Value)))
        {
            diagnostics.Error(TemplateDiagnosticCodes.InvalidParameterDeclaration,
                $"Unexpected value '{entry.Key.Value}' in a parameter declaration; expected name, type, default, values or displayName.", entry.Key.Location);
        }

        if (map["name"] is not YamlScalar { IsNull: false } name)
        {
            diagnostics.Error(TemplateDiagnosticCodes.InvalidParameterDeclaration,
                "A value for the 'name' parameter must be provided.", map.Location);
            return null;
        }

        var type = ParameterType.String;
        if (map["type"] is { } typeNode && !TryParseType(typeNode, out type))
        {
            diagnostics.Error(TemplateDiagnosticCodes.UnknownParameterType,
                $"'{(typeNode as YamlScalar)?.Value}' is not a parameter type; use string, number, boolean, object, step, stepList, job, jobList, deployment, deploymentList, stage or stageList.",
                typeNode.Location);
            return null;
        }

        var values = map["values"];
        if (values is not null and not YamlSequence)
        {
            diagnostics.Error(TemplateDiagnosticCodes.InvalidParameterDeclaration,
                $"'values' of parameter '{name.Value}' must be a list.", values.Location);
        }

        RejectExpressions(map, diagnostics);
        var defaultValue = map.Find("default")?.Value;
        return new ParameterDeclaration(name.Value, type, defaultValue, values as YamlSequence, name.Location);
    }

    /// <summary>Declarations are read before any expression can run: defaults and values are plain YAML.</summary>
    private static void RejectExpressions(YamlNode node, DiagnosticBag diagnostics)
    {
        if (FirstExpression(node, 0) is { } found)
        {
            diagnostics.Error(TemplateDiagnosticCodes.ExpressionNotAllowed,
                "A template expression is not allowed in this context: parameter declarations and defaults are plain values.", found.Location);
        }
    }

    private static YamlScalar? FirstExpression(YamlNode node, int depth) => depth > 64 ? null : node switch
    {
        YamlScalar s => ExpressionText.MayContainExpression(s.Value) ? s : null,
        YamlSequence q => q.Items.Select(i => FirstExpression(i, depth + 1)).FirstOrDefault(f => f is not null),
        YamlMapping m => m.Entries.Select(e => FirstExpression(e.Key, depth + 1) ?? FirstExpression(e.Value, depth + 1)).FirstOrDefault(f => f is not null),
        _ => null,
    };

    private static bool TryParseType(YamlNode node, out ParameterType type)
    {
        type = ParameterType.String;
        if (node is not YamlScalar scalar)
        {
            return false;
        }

        // Parameter types are matched exactly as documented (camelCase).
        type = scalar.Value switch
        {
            "string" => ParameterType.String,
            "number" => ParameterType.Number,
            "boolean" => ParameterType.Boolean,
            "object" => ParameterType.Object,
            "step" => ParameterType.Step,
            "stepList" => ParameterType.StepList,
            "job" => ParameterType.Job,
            "jobList" => ParameterType.JobList,
            "deployment" => ParameterType.Deployment,
            "deploymentList" => ParameterType.DeploymentList,
            "stage" => ParameterType.Stage,
            "stageList" => ParameterType.StageList,
            _ => ParameterType.Legacy,
        };
        return type != ParameterType.Legacy;
    }
}
