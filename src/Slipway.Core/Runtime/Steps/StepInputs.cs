using System.Globalization;
using Slipway.Core.Pipelines.Azure.Schema;

namespace Slipway.Core.Runtime.Steps;

/// <summary>
/// A step's inputs as the handler sees them: every <c>$(macro)</c> already expanded, names
/// case-insensitive, and aliases from the task catalog resolved (asking for <c>targetType</c> finds
/// an input written as its alias too). Defaults are NOT applied here: the handler passes its own
/// default to <see cref="Get(string, string)"/> (the defaults live with the handler that knows them).
/// </summary>
internal sealed class StepInputs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly TaskDefinition? _definition;

    public StepInputs(IEnumerable<KeyValuePair<string, string>> values, TaskDefinition? definition = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        _definition = definition;
        foreach (var (name, value) in values)
        {
            _values[Canonical(name)] = value;
        }
    }

    public static StepInputs Empty { get; } = new([]);

    /// <summary>Every input given, by canonical name (the task's own name when the catalog knows it).</summary>
    public IReadOnlyDictionary<string, string> All => _values;

    /// <summary>The value, or null when the step did not give it.</summary>
    public string? Get(string name) => _values.TryGetValue(Canonical(name), out var value) ? value : null;

    /// <summary>The value, or <paramref name="defaultValue"/> when absent or empty (as the task lib's getInput does).</summary>
    public string Get(string name, string defaultValue) => Get(name) is { Length: > 0 } value ? value : defaultValue;

    /// <summary>Boolean inputs as the agent reads them: "true" (any case) is true; absent gives the default.</summary>
    public bool GetBool(string name, bool defaultValue) => Get(name) is { Length: > 0 } value
        ? string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase)
        : defaultValue;

    public int? GetInt(string name) =>
        int.TryParse(Get(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private string Canonical(string name) => _definition?.FindInput(name)?.Name ?? name;
}
