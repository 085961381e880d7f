namespace Slipway.Core.Runtime.Services;

/// <summary>Totals of one published test run (PublishTestResults@2 or <c>##vso[results.publish]</c>).</summary>
internal sealed record TestRunSummary(string Title, int Total, int Passed, int Failed, int Skipped)
{
    /// <summary>Names of failed tests (first ones), for the end-of-run summary.</summary>
    public IReadOnlyList<string> FailedTests { get; init; } = [];

    /// <summary>The first failed tests with their message and the first line of their stack trace.</summary>
    public IReadOnlyList<FailedTest> Failures { get; init; } = [];
}

/// <summary>A failed test as the Tests tab shows it: its name, error message and (first line of) stack trace.</summary>
internal sealed record FailedTest(string Name, string? Message, string? StackTrace);

/// <summary>Totals of published code coverage (Cobertura); null rates when the report has none.</summary>
internal sealed record CoverageSummary(string Title, int LinesCovered, int LinesValid, int? BranchesCovered, int? BranchesValid);

/// <summary>What to publish: files already resolved from the task's patterns.</summary>
internal sealed record TestResultsRequest(string Format, IReadOnlyList<string> Files, string? RunTitle, string ProducedBy);

internal sealed record CoverageRequest(string Format, string SummaryFile, string ProducedBy);

/// <summary>
/// Reads test result and coverage files (JUnit, NUnit, xUnit, VSTest/TRX; Cobertura) and keeps the
/// run's totals. Implemented by the tasks helper. The runtime calls it for
/// <c>##vso[results.publish]</c>/<c>##vso[codecoverage.publish]</c>; the tasks call it directly. The
/// caller publishes the returned summary as a <see cref="Events.TestResultsPublished"/>/<see cref="Events.CoveragePublished"/> event.
/// </summary>
internal interface ITestResultsCollector
{
    /// <summary>The summary, or an error message (unreadable file, unknown format).</summary>
    (TestRunSummary? Summary, string? Error) AddTestResults(TestResultsRequest request);

    (CoverageSummary? Summary, string? Error) AddCoverage(CoverageRequest request);

    /// <summary>Adds an already merged coverage report (PublishCodeCoverageResults@2 merges several files into one).</summary>
    CoverageSummary AddCoverage(TestResults.CoverageReport report, string title);

    IReadOnlyList<TestRunSummary> TestRuns { get; }

    IReadOnlyList<CoverageSummary> Coverage { get; }
}
