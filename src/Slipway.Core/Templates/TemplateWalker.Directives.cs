using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

internal sealed partial class TemplateWalker
{
    private void ApplyMappingDirective(
        Directive directive, YamlEntry entry, ExpansionContext ctx, NodeRole role, MappingBuilder output,
        VariableCollector? collector, ref Chain chain)
    {
        void Merge(ExpansionContext c) => MergeBody(entry.Value, c, role, output, collector);
        if (directive.Kind == DirectiveKind.Each)
        {
            chain = Chain.None;
            foreach (var inner in expressions.Each(directive, entry.Key.Location, ctx))
            {
                if (budget.Exceeded)
                {
                    break;
                }

                Merge(inner);
            }
        }
        else if (directive.Kind == DirectiveKind.Insert)
        {
            chain = Chain.None;
            Merge(ctx);
        }
        else
        {
            chain = ApplyConditional(directive, entry.Key, ctx, chain, () => Merge(ctx));
        }
    }

    private void MergeBody(
        YamlNode body, ExpansionContext ctx, NodeRole role, MappingBuilder output, VariableCollector? collector)
    {
        switch (body)
        {
            case YamlMapping map:
                ExpandMappingInto(map, ctx, role, output, collector);
                return;
            case YamlScalar { IsNull: true }:
                return;
            case YamlScalar scalar when ctx.Evaluate && ExpressionText.MayContainExpression(scalar.Value):
                var value = ExpandScalar(scalar, ctx, null);
                if (value is YamlMapping inserted)
                {
                    ExpandMappingInto(inserted, ctx with { Evaluate = false }, role, output, collector);
                    return;
                }

                if (value is YamlScalar { IsNull: true })
                {
                    return;
                }

                break;
        }

        diagnostics.Error(TemplateDiagnosticCodes.InsertNotMapping,
            "Inside a mapping, the value of an 'if', 'elseif', 'else', 'each' or 'insert' directive must be a mapping (its keys are inserted here).",
            body.Location);
    }

    /// <summary>Runs one link of an if / elseif / else chain and returns the chain's new state (AZP-TPL-21).</summary>
    private Chain ApplyConditional(Directive directive, YamlScalar key, ExpansionContext ctx, Chain chain, Action insert)
    {
        if (directive.Kind != DirectiveKind.If && chain == Chain.None)
        {
            var name = directive.Kind == DirectiveKind.Else ? "else" : "elseif";
            diagnostics.Error(TemplateDiagnosticCodes.ElseWithoutIf,
                $"'{name}' must directly follow an 'if' or 'elseif' at the same level.", key.Location);
            return Chain.None;
        }

        if (directive.Kind != DirectiveKind.If && chain == Chain.Taken)
        {
            return directive.Kind == DirectiveKind.Else ? Chain.None : Chain.Taken;
        }

        var take = directive.Kind == DirectiveKind.Else || expressions.Condition(directive.Expression, key.Location, ctx);
        if (take)
        {
            insert();
        }

        return directive.Kind == DirectiveKind.Else ? Chain.None : take ? Chain.Taken : Chain.NotTaken;
    }

    private void ApplySequenceDirective(
        Directive directive, YamlEntry entry, ExpansionContext ctx, string? section, List<YamlNode> output,
        VariableCollector? collector, ref Chain chain)
    {
        void Splice(ExpansionContext c) => SpliceBody(entry.Value, c, section, output, collector);
        switch (directive.Kind)
        {
            case DirectiveKind.Each:
                chain = Chain.None;
                foreach (var inner in expressions.Each(directive, entry.Key.Location, ctx))
                {
                    if (budget.Exceeded)
                    {
                        break;
                    }

                    Splice(inner);
                }

                break;
            case DirectiveKind.Insert:
                chain = Chain.None;
                diagnostics.Error(TemplateDiagnosticCodes.DirectiveInSequence,
                    "'${{ insert }}' merges a mapping into a mapping; it cannot be a sequence item.", entry.Key.Location);
                break;
            default:
                chain = ApplyConditional(directive, entry.Key, ctx, chain, () => Splice(ctx));
                break;
        }
    }

    private void SpliceBody(YamlNode body, ExpansionContext ctx, string? section, List<YamlNode> output, VariableCollector? collector)
    {
        switch (body)
        {
            case YamlSequence sequence:
                ExpandSequenceInto(sequence, ctx, section, output, collector);
                break;
            case YamlScalar { IsNull: true }:
                break;
            default:
                ExpandItem(body, ctx, section, output, collector);
                break;
        }
    }
}
