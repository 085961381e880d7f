using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

/// <summary>A parameter value after binding: typed scalars are normalised (booleans to True/False).</summary>
internal sealed record BoundParameter(string Name, ParameterType Type, YamlNode? Value);

/// <summary>The <c>parameters</c> context of one template instantiation; names are case-insensitive.</summary>
internal sealed class ParameterSet
{
    private readonly Dictionary<string, BoundParameter> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<BoundParameter> _items = [];

    public static ParameterSet Empty { get; } = new();

    public IReadOnlyList<BoundParameter> Items => _items;

    public void Set(BoundParameter parameter)
    {
        if (_byName.TryGetValue(parameter.Name, out var existing))
        {
            _items.Remove(existing);
        }

        _byName[parameter.Name] = parameter;
        _items.Add(parameter);
    }

    public bool Contains(string name) => _byName.ContainsKey(name);
}
