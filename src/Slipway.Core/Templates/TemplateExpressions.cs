using System.Text;
using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

/// <summary>
/// The bridge to the expression engine: evaluates <c>${{ }}</c> values, keys, conditions and <c>each</c>
/// collections at compile time, where only <c>parameters</c>, <c>variables</c> and each-locals exist
/// (AZP-VAR-7) and run-state functions are not allowed.
/// </summary>
internal sealed partial class TemplateExpressions(DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, ParsedExpression> _parsed = new(StringComparer.Ordinal);
    private readonly TemplateValues _values = new();

    private readonly StringBuilder _text = new();

    public ScalarTexts Texts { get; } = new();

    /// <summary>A scalar holding <c>${{ }}</c>: a whole expression keeps its result's type; otherwise the results are interpolated as text (AZP-TPL-20).</summary>
    public YamlNode EvaluateValue(YamlScalar scalar, ExpansionContext ctx)
    {
        var parsed = Texts.Get(scalar.Value);
        if (parsed.Whole is { } whole)
        {
            if (RejectDirective(whole, scalar.Location))
            {
                return Empty(scalar);
            }

            return Evaluate(whole, scalar.Location, ctx) is { } value ? ValueYaml.ToYaml(value, scalar.Location) : Empty(scalar);
        }

        return Interpolate(scalar, parsed, ctx) is { } text ? ToScalar(scalar, text) : Empty(scalar);
    }

    /// <summary>A key holding <c>${{ }}</c> (not a directive): always text.</summary>
    public YamlScalar? EvaluateKey(YamlScalar key, ExpansionContext ctx)
    {
        var parsed = Texts.Get(key.Value);
        if (parsed.Whole is { } whole)
        {
            return Evaluate(whole, key.Location, ctx) is { } value ? ToScalar(key, value.ToDisplayString()) : null;
        }

        return Interpolate(key, parsed, ctx) is { } text ? ToScalar(key, text) : null;
    }

    public bool Condition(string expression, SourceLocation where, ExpansionContext ctx) =>
        Evaluate(expression, where, ctx)?.ToBoolean() ?? false;

    /// <summary>One context per element of a sequence, or per <c>key</c>/<c>value</c> pair of a mapping (AZP-TPL-22).</summary>
    public IEnumerable<ExpansionContext> Each(Directive directive, SourceLocation where, ExpansionContext ctx)
    {
        var name = directive.Variable!;
        if (ctx.Locals?.Defines(name) == true || name.Equals("parameters", StringComparison.OrdinalIgnoreCase)
            || name.Equals("variables", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Error(TemplateDiagnosticCodes.InvalidDirective,
                $"'{name}' is already defined here; choose another name for the 'each' variable.", where);
            return [];
        }

        switch (Evaluate(directive.Expression, where, ctx))
        {
            case ArrayValue array:
                return array.Items.Select(item => ctx with { Locals = new LocalValue(name, item, ctx.Locals) });
            case ObjectValue obj:
                return obj.Entries.Select(pair => ctx with { Locals = new LocalValue(name, Pair(pair), ctx.Locals) });
            case null or NullValue:
                return [];
            case var other:
                diagnostics.Error(TemplateDiagnosticCodes.EachOverScalar,
                    $"'each' needs a sequence or a mapping, but '{directive.Expression}' is a {other.Kind.ToString().ToLowerInvariant()}.", where);
                return [];
        }
    }

    private static ObjectValue Pair(KeyValuePair<string, ExpressionValue> pair) =>
        new([new("key", new StringValue(pair.Key)), new("value", pair.Value)]);

    private string? Interpolate(YamlScalar scalar, ScalarText parsed, ExpansionContext ctx)
    {
        if (parsed.Segments is not { } segments)
        {
            diagnostics.Error(TemplateDiagnosticCodes.UnclosedExpression,
                "A template expression is not closed: '${{' has no matching '}}'.", scalar.Location);
            return null;
        }

        // Evaluation never interpolates again, so one builder serves every scalar of the expansion.
        var text = _text.Clear();
        foreach (var segment in segments)
        {
            if (!segment.IsExpression)
            {
                text.Append(segment.Text);
                continue;
            }

            if (RejectDirective(segment.Text, scalar.Location) || Evaluate(segment.Text, scalar.Location, ctx) is not { } value)
            {
                return null;
            }

            text.Append(value.ToDisplayString());
        }

        return text.ToString();
    }

    private bool RejectDirective(string expression, SourceLocation where)
    {
        if (!Directive.StartsWithKeyword(expression))
        {
            return false;
        }

        diagnostics.Error(TemplateDiagnosticCodes.DirectiveNotWholeKey,
            $"Directives are only supported when the entire value is an expression: '${{{{ {expression} }}}}' must be a whole mapping key (AZP-TPL-24).", where);
        return true;
    }

    private static YamlScalar ToScalar(YamlScalar original, string text)
    {
        var style = original.Style == ScalarStyle.Plain && text is "" or "~" or "null" or "Null" or "NULL" ? ScalarStyle.SingleQuoted : original.Style;
        return new YamlScalar(text, style, original.Location, original.Tag);
    }

    private static YamlScalar Empty(YamlScalar original) => new(string.Empty, ScalarStyle.Plain, original.Location);
}
