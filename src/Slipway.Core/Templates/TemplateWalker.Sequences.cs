using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

internal sealed partial class TemplateWalker
{
    private static readonly HashSet<string> ReferenceSections = new(StringComparer.Ordinal) { "stages", "jobs", "steps", "variables" };

    private YamlSequence ExpandSequence(YamlSequence sequence, ExpansionContext ctx, string? section)
    {
        var output = new List<YamlNode>(sequence.Items.Count);
        ExpandSequenceInto(sequence, ctx, section, output, null);
        return new YamlSequence(output, sequence.Location, sequence.Tag);
    }

    private void ExpandSequenceInto(
        YamlSequence sequence, ExpansionContext ctx, string? section, List<YamlNode> output, VariableCollector? collector)
    {
        if (!Enter(sequence.Location))
        {
            return;
        }

        var chain = Chain.None;
        foreach (var item in sequence.Items)
        {
            if (budget.Exceeded)
            {
                break;
            }

            if (ctx.Evaluate && AsDirective(item) is { } found)
            {
                ApplySequenceDirective(found.Directive, found.Entry, ctx, section, output, collector, ref chain);
                continue;
            }

            chain = Chain.None;
            ExpandItem(item, ctx, section, output, collector);
        }

        Leave();
    }

    /// <summary>
    /// A sequence item <c>- ${{ if c }}: [...]</c>: a mapping whose only key is a directive. A sequence value is
    /// spliced in; an if/elseif/else with another value inserts it as one item (AZP-TPL-21). An <c>each</c> or
    /// <c>insert</c> with a mapping value builds one mapping item from its keys, as Azure's unraveler does.
    /// </summary>
    private (Directive Directive, YamlEntry Entry)? AsDirective(YamlNode item)
    {
        if (item is not YamlMapping { Entries.Count: 1 } map || !ExpressionText.MayContainExpression(map.Entries[0].Key.Value))
        {
            return null;
        }

        // A malformed directive is reported when the item is expanded as a mapping.
        var entry = map.Entries[0];
        if (expressions.Texts.Get(entry.Key.Value).Directive is not { } directive
            || (entry.Value is not YamlSequence && directive.Kind is DirectiveKind.Each or DirectiveKind.Insert))
        {
            return null;
        }

        return (directive, entry);
    }

    private void ExpandItem(YamlNode item, ExpansionContext ctx, string? section, List<YamlNode> output, VariableCollector? collector)
    {
        if (item is YamlScalar scalar && ctx.Evaluate && ExpressionText.MayContainExpression(scalar.Value)
            && expressions.Texts.Get(scalar.Value).Whole is not null)
        {
            budget.Add(scalar.Value.Length, scalar.Location);
            var value = expressions.EvaluateValue(scalar, ctx);
            var inserted = ctx with { Evaluate = false };
            if (value is YamlSequence many)
            {
                // A sequence produced by an expression is spliced into the enclosing sequence (AZP-TPL-15).
                foreach (var one in many.Items)
                {
                    ExpandItem(one, inserted, section, output, collector);
                }
            }
            else if (value is not YamlScalar { IsNull: true })
            {
                ExpandItem(value, inserted, section, output, collector);
            }

            return;
        }

        var resolves = ctx.ResolveReferences && section is not null && ReferenceSections.Contains(section);
        if (resolves && item is YamlMapping reference && reference.Find("template") is not null)
        {
            IncludeTemplate(reference, ctx, section!, output, collector);
            return;
        }

        var node = ExpandNode(item, ctx, section, RoleFor(section));
        if (resolves && node is YamlMapping built && !ReferenceEquals(node, item) && built.Find("template") is not null)
        {
            // A reference put together by directives (e.g. each over a step's keys): already evaluated.
            IncludeTemplate(built, ctx with { Evaluate = false }, section!, output, collector);
            return;
        }

        output.Add(node);
        collector?.Collect(node);
    }
}
