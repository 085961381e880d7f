using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

/// <summary>A parameter value after binding: typed scalars are normalised (booleans to True/False).</summary>
internal sealed record BoundParameter(string Name, ParameterType Type, YamlNode? Value);

/// <summary>The <c>parameters</c> context of one template instantiation; names are case-insensitive.</summary>
internal sealed class ParameterSet
{
    private readonly List<BoundParameter> _items = [];

    public static ParameterSet Empty { get; } = new();

    public IReadOnlyList<BoundParameter> Items => _items;

    /// <summary>The template used the list form: a reference to an undeclared parameter is an error.</summary>
    public bool IsStrict { get; init; }

    /// <summary>The expression engine's view of these parameters, built once (see <see cref="TemplateValues"/>).</summary>
    public Expressions.Values.ObjectValue? CachedValue { get; set; }

    public bool Contains(string name)
    {
        foreach (var item in _items)
        {
            if (string.Equals(item.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds a parameter, replacing one with the same name (templates have few parameters: a list is enough).</summary>
    public void Set(BoundParameter parameter)
    {
        var at = _items.FindIndex(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
        if (at >= 0)
        {
            _items[at] = parameter;
        }
        else
        {
            _items.Add(parameter);
        }
    }
}
