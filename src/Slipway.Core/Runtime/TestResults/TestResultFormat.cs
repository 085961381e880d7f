namespace Slipway.Core.Runtime.TestResults;

/// <summary>The <c>testResultsFormat</c> (alias <c>testRunner</c>) values of <c>PublishTestResults@2</c>.</summary>
internal enum TestResultFormat
{
    JUnit,
    NUnit,
    XUnit,
    VSTest,
}

internal static class TestResultFormats
{
    public static TestResultFormat? Parse(string? text) =>
        (text ?? "JUnit").Trim().ToUpperInvariant() switch
        {
            "" or "JUNIT" => TestResultFormat.JUnit,
            "NUNIT" => TestResultFormat.NUnit,
            "XUNIT" => TestResultFormat.XUnit,
            "VSTEST" or "TRX" => TestResultFormat.VSTest,
            _ => null,
        };
}
