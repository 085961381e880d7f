using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Templates;

/// <summary>
/// Builds the expression engine's view of an expansion context: <c>parameters</c> typed as declared,
/// <c>variables</c> as strings, and each-locals. Parameter and variable objects are cached on their sets, and
/// the last context is reused, since one template instantiation evaluates many expressions against the same values.
/// </summary>
internal sealed class TemplateValues
{
    private (ParameterSet? Parameters, VariableScope? Variables, int Version, LocalValue? Locals, EvaluationContext? Context) _last;

    public EvaluationContext Context(ExpansionContext ctx)
    {
        var version = ctx.Variables.Version;
        if (_last.Context is { } cached && ReferenceEquals(_last.Parameters, ctx.Parameters)
            && ReferenceEquals(_last.Variables, ctx.Variables) && _last.Version == version && ReferenceEquals(_last.Locals, ctx.Locals))
        {
            return cached;
        }

        var named = new List<KeyValuePair<string, ExpressionValue>>(4)
        {
            new("parameters", Parameters(ctx.Parameters)),
            new("variables", Variables(ctx.Variables, version)),
        };

        // Outer loop variables first, so an inner one (never the same name) is simply added.
        for (var local = ctx.Locals; local is not null; local = local.Parent)
        {
            named.Add(new(local.Name, local.Value));
        }

        var context = new EvaluationContext(named);
        _last = (ctx.Parameters, ctx.Variables, version, ctx.Locals, context);
        return context;
    }

    private static ObjectValue Parameters(ParameterSet set) =>
        set.CachedValue ??= new ObjectValue(set.Items.Select(p => new KeyValuePair<string, ExpressionValue>(p.Name, ToValue(p))));

    private static ObjectValue Variables(VariableScope scope, int version)
    {
        if (scope.CachedValue is { } cached && cached.Version == version)
        {
            return cached.Value;
        }

        var value = new ObjectValue(scope.Flatten().Select(v => new KeyValuePair<string, ExpressionValue>(v.Key, new StringValue(v.Value))));
        scope.CachedValue = (version, value);
        return value;
    }

    private static ExpressionValue ToValue(BoundParameter parameter) => parameter.Type switch
    {
        ParameterType.Boolean when parameter.Value is Yaml.YamlScalar s => ExpressionValue.From(ParameterTypes.ParseBoolean(s.Value) ?? false),
        ParameterType.Number when parameter.Value is Yaml.YamlScalar s && ParameterTypes.TryParseNumber(s.Value, out var n) => ExpressionValue.From(n),
        _ => ValueYaml.FromYaml(parameter.Value),
    };
}
