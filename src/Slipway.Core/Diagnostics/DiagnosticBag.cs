namespace Slipway.Core.Diagnostics;

/// <summary>Collects diagnostics in the order they were found.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors { get; private set; }

    public void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        HasErrors |= diagnostic.IsError;
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    public void Error(string code, string message, SourceLocation location) =>
        Add(Diagnostic.Error(code, message, location));

    public void Warning(string code, string message, SourceLocation location) =>
        Add(Diagnostic.Warning(code, message, location));
}
