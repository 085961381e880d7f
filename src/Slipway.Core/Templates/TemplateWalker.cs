using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

/// <summary>
/// Walks a YAML tree and produces its expanded copy: evaluates <c>${{ }}</c>, applies directives and
/// inlines template references. Every output node keeps the location where its text was written.
/// </summary>
internal sealed partial class TemplateWalker(
    TemplateFiles files, TemplateOptions options, DiagnosticBag diagnostics, SizeBudget budget, TemplateExpressions expressions)
{
    private enum Chain
    {
        None,
        Taken,
        NotTaken,
    }

    private readonly LiteralNodes _literals = new();

    public YamlNode ExpandNode(YamlNode node, ExpansionContext ctx, string? section, NodeRole role)
    {
        if (node is not YamlScalar && _literals.SizeIfLiteral(node) is var size and >= 0)
        {
            // Nothing to evaluate or include: the node itself is the result, shared by every instantiation.
            budget.AddBytes(size, node.Location);
            return node;
        }

        return node switch
        {
            YamlScalar scalar => ExpandScalar(scalar, ctx, section),
            YamlSequence sequence => ExpandSequence(sequence, ctx, section),
            YamlMapping mapping => ExpandMapping(mapping, ctx, role),
            _ => node,
        };
    }

    private YamlNode ExpandScalar(YamlScalar scalar, ExpansionContext ctx, string? section)
    {
        budget.Add(scalar.Value.Length, scalar.Location);
        if (!ctx.Evaluate || !ExpressionText.MayContainExpression(scalar.Value))
        {
            return scalar;
        }

        var result = expressions.EvaluateValue(scalar, ctx);
        return result is YamlScalar
            ? result
            : ExpandNode(result, ctx with { Evaluate = false }, section, RoleFor(section));
    }

    public YamlMapping ExpandMapping(YamlMapping map, ExpansionContext ctx, NodeRole role)
    {
        if (role is NodeRole.PipelineRoot or NodeRole.ExtendsRoot && map.Find("extends") is not null)
        {
            RejectBodyBesideExtends(map);
        }

        var output = new MappingBuilder(map.Entries.Count);
        var variables = HasVariableScope(role) ? map.Find("variables") : null;
        YamlNode? expandedVariables = null;
        if (variables is not null)
        {
            ctx = ctx with { Variables = ctx.Variables.CreateChild() };
            expandedVariables = ExpandVariablesBlock(variables.Value, ctx);
        }

        ExpandMappingInto(map, ctx, role, output, null, variables, expandedVariables);
        return new YamlMapping(output.Entries, map.Location, map.Tag);
    }

    private void ExpandMappingInto(
        YamlMapping map, ExpansionContext ctx, NodeRole role, MappingBuilder output,
        VariableCollector? collector, YamlEntry? variables = null, YamlNode? expandedVariables = null)
    {
        if (!Enter(map.Location))
        {
            return;
        }

        var chain = Chain.None;
        foreach (var entry in map.Entries)
        {
            if (budget.Exceeded)
            {
                break;
            }

            var key = entry.Key;
            budget.Add(key.Value.Length, key.Location);
            if (ctx.Evaluate && ExpressionText.MayContainExpression(key.Value))
            {
                ExpandExpressionKey(entry, ctx, role, output, collector, ref chain);
                continue;
            }

            chain = Chain.None;
            if (ReferenceEquals(entry, variables))
            {
                Emit(new YamlEntry(key, expandedVariables!), output, collector);
            }
            else
            {
                ExpandPlainEntry(entry, ctx, role, output, collector);
            }
        }

        Leave();
    }

    /// <summary>An entry whose key is plain text: <c>extends</c> and runtime <c>parameters</c> are special at a root.</summary>
    private void ExpandPlainEntry(YamlEntry entry, ExpansionContext ctx, NodeRole role, MappingBuilder output, VariableCollector? collector)
    {
        var isRoot = role is NodeRole.PipelineRoot or NodeRole.ExtendsRoot;
        if (isRoot && entry.Key.Value == "extends" && ctx.ResolveReferences)
        {
            ExpandExtends(entry, ctx, output);
        }
        else if (role == NodeRole.PipelineRoot && entry.Key.Value == "parameters")
        {
            // Runtime parameter declarations stay as written: the dialect records them.
            Emit(entry, output, collector);
        }
        else
        {
            Emit(new YamlEntry(entry.Key, ExpandNode(entry.Value, ctx, entry.Key.Value, NodeRole.Other)), output, collector);
        }
    }

    private void ExpandExpressionKey(
        YamlEntry entry, ExpansionContext ctx, NodeRole role, MappingBuilder output,
        VariableCollector? collector, ref Chain chain)
    {
        var parsed = expressions.Texts.Get(entry.Key.Value);
        if (parsed.DirectiveError is { } error)
        {
            diagnostics.Error(TemplateDiagnosticCodes.InvalidDirective, $"Invalid directive '{entry.Key.Value}': {error}", entry.Key.Location);
            return;
        }

        if (parsed.Directive is { } directive)
        {
            ApplyMappingDirective(directive, entry, ctx, role, output, collector, ref chain);
            return;
        }

        chain = Chain.None;
        if (expressions.EvaluateKey(entry.Key, ctx) is { } key)
        {
            Emit(new YamlEntry(key, ExpandNode(entry.Value, ctx, key.Value, NodeRole.Other)), output, collector);
        }
    }

    private void Emit(YamlEntry entry, MappingBuilder output, VariableCollector? collector)
    {
        if (!output.TryAdd(entry))
        {
            diagnostics.Error(TemplateDiagnosticCodes.DuplicateKey,
                $"'{entry.Key.Value}' is already defined in this mapping (after template expansion).", entry.Key.Location);
            return;
        }

        collector?.Collect(entry);
    }

    private static bool HasVariableScope(NodeRole role) =>
        role is NodeRole.PipelineRoot or NodeRole.ExtendsRoot or NodeRole.Stage or NodeRole.Job or NodeRole.VariableTemplateRoot;

    private static NodeRole RoleFor(string? section) => section switch
    {
        "stages" => NodeRole.Stage,
        "jobs" => NodeRole.Job,
        _ => NodeRole.Other,
    };
}
