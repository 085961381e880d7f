using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Variables;

/// <summary>
/// The variables of one job (AZP-VAR-11..15): names case-insensitive, later writes win, read-only
/// ones refuse changes. Thread-safe (steps are sequential, but output handling and the runner may overlap).
/// </summary>
internal sealed class VariableStore
{
    private readonly Dictionary<string, VariableValue> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public string? Get(string name)
    {
        lock (_lock)
        {
            return _values.TryGetValue(name, out var v) ? v.Value : null;
        }
    }

    public VariableValue? Find(string name)
    {
        lock (_lock)
        {
            return _values.GetValueOrDefault(name);
        }
    }

    public IReadOnlyList<VariableValue> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _values.Values];
            }
        }
    }

    /// <summary>Defines or replaces a value, ignoring read-only (definitions from the plan, predefined values).</summary>
    public void Define(string name, string value, bool isSecret = false, bool isReadOnly = false)
    {
        lock (_lock)
        {
            var secret = isSecret || (_values.TryGetValue(name, out var old) && old.IsSecret && old.Value == value);
            _values[name] = new VariableValue(name, value, secret, isReadOnly);
        }
    }

    /// <summary>Sets a value at run time; false when the variable is read-only.</summary>
    public bool TrySet(string name, string value, bool isSecret, bool isReadOnly)
    {
        lock (_lock)
        {
            if (_values.TryGetValue(name, out var old) && old.IsReadOnly)
            {
                return false;
            }

            _values[name] = new VariableValue(old?.Name ?? name, value, isSecret || (old?.IsSecret ?? false), isReadOnly);
            return true;
        }
    }

    public string Expand(string text) => MacroExpander.Expand(text, Get);

    /// <summary>
    /// The variables as environment entries (AZP-VAR-20, -40): every non-secret variable whose name
    /// is not reserved, mapped to upper case with '.'→'_', with macros in values expanded.
    /// </summary>
    public void AddToEnvironment(IDictionary<string, string> environment)
    {
        foreach (var variable in All)
        {
            if (variable.IsSecret || IsReserved(variable.Name))
            {
                continue;
            }

            environment[EnvironmentNames.For(variable.Name)] = Expand(variable.Value);
        }

        if (Get("Agent.JobStatus") is { } status)
        {
            environment["agent.jobstatus"] = status;
        }
    }

    /// <summary>AZP-VAR-14: names with these prefixes are not given to scripts.</summary>
    public static bool IsReserved(string name) =>
        name.StartsWith("endpoint", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("input", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("secret", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("securefile", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("path", StringComparison.OrdinalIgnoreCase);
}
