using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Templates;

/// <summary>
/// Builds the expression engine's view of an expansion context: <c>parameters</c> typed as declared,
/// <c>variables</c> as strings, and each-locals. Parameter and variable objects are cached, since one
/// template instantiation evaluates many expressions against the same values.
/// </summary>
internal sealed class TemplateValues
{
    private readonly Dictionary<ParameterSet, ObjectValue> _parameters = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<VariableScope, (int Version, ObjectValue Value)> _variables = new(ReferenceEqualityComparer.Instance);

    public EvaluationContext Context(ExpansionContext ctx)
    {
        var named = new List<KeyValuePair<string, ExpressionValue>>(2 + ctx.Locals.Count)
        {
            new("parameters", Parameters(ctx.Parameters)),
            new("variables", Variables(ctx.Variables)),
        };
        named.AddRange(ctx.Locals);
        return new EvaluationContext(named);
    }

    private ObjectValue Parameters(ParameterSet set)
    {
        if (!_parameters.TryGetValue(set, out var value))
        {
            value = new ObjectValue(set.Items.Select(p => new KeyValuePair<string, ExpressionValue>(p.Name, ToValue(p))));
            _parameters[set] = value;
        }

        return value;
    }

    private ObjectValue Variables(VariableScope scope)
    {
        var version = scope.Version;
        if (_variables.TryGetValue(scope, out var cached) && cached.Version == version)
        {
            return cached.Value;
        }

        var value = new ObjectValue(scope.Flatten().Select(v => new KeyValuePair<string, ExpressionValue>(v.Key, new StringValue(v.Value))));
        _variables[scope] = (version, value);
        return value;
    }

    private static ExpressionValue ToValue(BoundParameter parameter) => parameter.Type switch
    {
        ParameterType.Boolean when parameter.Value is Yaml.YamlScalar s => ExpressionValue.From(ParameterTypes.ParseBoolean(s.Value) ?? false),
        ParameterType.Number when parameter.Value is Yaml.YamlScalar s && ParameterTypes.TryParseNumber(s.Value, out var n) => ExpressionValue.From(n),
        _ => ValueYaml.FromYaml(parameter.Value),
    };
}
