namespace Slipway.Core.Execution.Output;

/// <summary>A parsed <c>##vso[area.event k=v;...]data</c> line, escapes already decoded (AZP-LOG-1/2).
/// Property keys compare case-insensitively.</summary>
internal sealed record AzureLoggingCommand(string Area, string Event, IReadOnlyDictionary<string, string> Properties, string Data)
{
    public string? Property(string name) => Properties.TryGetValue(name, out var value) ? value : null;

    /// <summary><c>Boolean.TryParse</c> semantics: anything but true/false (any case) is false (AZP-VAR-50).</summary>
    public bool BooleanProperty(string name) => bool.TryParse(Property(name), out var value) && value;

    public bool Is(string area, string eventName) =>
        string.Equals(Area, area, StringComparison.OrdinalIgnoreCase) && string.Equals(Event, eventName, StringComparison.OrdinalIgnoreCase);
}
