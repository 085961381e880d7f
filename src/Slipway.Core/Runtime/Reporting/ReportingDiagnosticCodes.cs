namespace Slipway.Core.Runtime.Reporting;

/// <summary>Diagnostic codes of what a run shows and reports: SLW7800-SLW7999.</summary>
internal static class ReportingDiagnosticCodes
{
    /// <summary>The <c>--report FILE</c> could not be written.</summary>
    public const string ReportWriteFailed = "SLW7800";

    /// <summary>The console could not be written (closed pipe, full disk); the run goes on.</summary>
    public const string ConsoleWriteFailed = "SLW7801";
}
