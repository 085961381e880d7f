using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Syntax;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Templates;

/// <summary>
/// The parameters an expression names literally (<c>parameters.x</c>, <c>parameters['x']</c>), so that a
/// template declaring its parameters can reject references to undeclared ones.
/// </summary>
internal sealed class ParameterReferences
{
    private readonly Dictionary<ParsedExpression, List<string>> _names = new(ReferenceEqualityComparer.Instance);

    /// <summary>The first referenced parameter that <paramref name="parameters"/> does not have, or null.</summary>
    public string? FirstUndeclared(ParsedExpression expression, ParameterSet parameters)
    {
        if (!parameters.IsStrict)
        {
            return null;
        }

        if (!_names.TryGetValue(expression, out var names))
        {
            names = [];
            Collect(expression.Root, names, 0);
            _names[expression] = names;
        }

        foreach (var name in names)
        {
            if (!parameters.Contains(name))
            {
                return name;
            }
        }

        return null;
    }

    private static void Collect(ExpressionNode node, List<string> names, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        switch (node)
        {
            case IndexNode { Target: NamedValueNode target, Index: LiteralNode { Value: StringValue key } }
                when target.Name.Equals("parameters", StringComparison.OrdinalIgnoreCase):
                names.Add(key.Value);
                break;
            case IndexNode index:
                Collect(index.Target, names, depth + 1);
                if (index.Index is { } inner)
                {
                    Collect(inner, names, depth + 1);
                }

                break;
            case CallNode call:
                foreach (var argument in call.Arguments)
                {
                    Collect(argument, names, depth + 1);
                }

                break;
        }
    }
}
