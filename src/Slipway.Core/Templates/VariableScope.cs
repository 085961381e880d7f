namespace Slipway.Core.Templates;

/// <summary>
/// Variables visible to <c>${{ variables.x }}</c> at one point of the document: statically defined YAML
/// variables of the pipeline, stage and job around it, plus the predefined ones available in templates
/// (AZP-VAR-7). Names are case-insensitive; an inner scope hides an outer one.
/// </summary>
internal sealed class VariableScope(VariableScope? parent)
{
    private readonly Dictionary<string, string> _own = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Changes whenever this scope or an outer one gains a variable (lets callers cache snapshots).</summary>
    public int Version => _version + (parent?.Version ?? 0);

    private int _version;

    public static VariableScope FromPredefined(IReadOnlyDictionary<string, string> predefined)
    {
        var scope = new VariableScope(null);
        foreach (var (name, value) in predefined)
        {
            scope.Set(name, value);
        }

        return scope;
    }

    /// <summary>The expression engine's view of the visible variables and the <see cref="Version"/> it was built at.</summary>
    public (int Version, Expressions.Values.ObjectValue Value)? CachedValue { get; set; }

    public VariableScope CreateChild() => new(this);

    public void Set(string name, string value)
    {
        _own[name] = value;
        _version++;
    }

    public bool TryGet(string name, out string value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._own.TryGetValue(name, out value!))
            {
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Every visible variable, inner definitions winning.</summary>
    public Dictionary<string, string> Flatten()
    {
        var all = parent?.Flatten() ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in _own)
        {
            all[name] = value;
        }

        return all;
    }

    private VariableScope? Parent => parent;
}
