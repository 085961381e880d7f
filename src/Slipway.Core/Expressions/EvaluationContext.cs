using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Expressions;

/// <summary>
/// The named values (<c>variables</c>, <c>parameters</c>, <c>github</c>, ...) and the optional host an
/// expression is evaluated against. Names are case-insensitive. Cheap to create; reuse it for many evaluations.
/// </summary>
internal sealed class EvaluationContext
{
    private readonly Dictionary<string, ExpressionValue> _namedValues;

    public EvaluationContext(IEnumerable<KeyValuePair<string, ExpressionValue>> namedValues, IExpressionHost? host = null)
    {
        _namedValues = new Dictionary<string, ExpressionValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in namedValues)
        {
            _namedValues[name] = value;
        }

        Host = host;
    }

    public static EvaluationContext Empty { get; } = new([]);

    public IExpressionHost? Host { get; }

    public IEnumerable<string> Names => _namedValues.Keys;

    /// <summary>The value of a named value, or null when the context does not define it.</summary>
    public ExpressionValue GetNamedValue(string name) =>
        _namedValues.TryGetValue(name, out var value) ? value : ExpressionValue.Null;

    /// <summary>Builds a context from an object whose top-level keys are the named values.</summary>
    public static EvaluationContext FromObject(ObjectValue values, IExpressionHost? host = null) => new(values.Entries, host);

    internal IExpressionHost RequireHost(string function) =>
        Host ?? throw new ExpressionEvaluationException(ExpressionDiagnosticCodes.NotAvailable,
            $"The function '{function}' needs the run's state and is not available here.");
}
