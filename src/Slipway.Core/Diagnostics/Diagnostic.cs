namespace Slipway.Core.Diagnostics;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One problem found in user input. Printed in the canonical
/// <c>path(line,col): error SLW1234: message</c> form that editors and problem matchers read.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceLocation Location)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public static Diagnostic Error(string code, string message, SourceLocation location) =>
        new(DiagnosticSeverity.Error, code, message, location);

    public static Diagnostic Warning(string code, string message, SourceLocation location) =>
        new(DiagnosticSeverity.Warning, code, message, location);

    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var where = Location.File.Length == 0 && !Location.IsKnown ? string.Empty : Location + ": ";
        return $"{where}{severity} {Code}: {Message}";
    }
}
