using Slipway.Core.Runtime.Services;

namespace Slipway.Core.Runtime.TestResults;

/// <summary>
/// <see cref="ITestResultsCollector"/>: parses the files with <see cref="TestResultParser"/> /
/// <see cref="CoberturaParser"/> and keeps the run's totals for the end-of-run summary. Thread-safe.
/// </summary>
internal sealed class RunTestResultsCollector : ITestResultsCollector
{
    private const int FailedNamesKept = 20;
    private readonly Lock _gate = new();
    private readonly List<TestRunSummary> _runs = [];
    private readonly List<CoverageSummary> _coverage = [];

    public IReadOnlyList<TestRunSummary> TestRuns
    {
        get
        {
            lock (_gate)
            {
                return [.. _runs];
            }
        }
    }

    public IReadOnlyList<CoverageSummary> Coverage
    {
        get
        {
            lock (_gate)
            {
                return [.. _coverage];
            }
        }
    }

    public (TestRunSummary? Summary, string? Error) AddTestResults(TestResultsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (TestResultFormats.Parse(request.Format) is not { } format)
        {
            return (null, $"Test result format '{request.Format}' is not supported (JUnit, NUnit, XUnit, VSTest).");
        }

        var cases = new List<TestCaseResult>();
        foreach (var file in request.Files)
        {
            var (parsed, error) = TestResultParser.ParseFile(file, format);
            if (error is not null)
            {
                return (null, error);
            }

            cases.AddRange(parsed);
        }

        var run = new TestRunResult(request.RunTitle ?? $"{format} test run", format.ToString(), cases);
        var summary = Summarise(run);
        lock (_gate)
        {
            _runs.Add(summary);
        }

        return (summary, null);
    }

    public (CoverageSummary? Summary, string? Error) AddCoverage(CoverageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.Format, "Cobertura", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"Code coverage format '{request.Format}' is not supported (Cobertura).");
        }

        var parser = new CoberturaParser();
        if (parser.Add(request.SummaryFile) is { } error)
        {
            return (null, error);
        }

        var report = parser.Summary();
        var summary = Summarise(report, Path.GetFileName(request.SummaryFile));
        lock (_gate)
        {
            _coverage.Add(summary);
        }

        return (summary, null);
    }

    public CoverageSummary AddCoverage(CoverageReport report, string title)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = Summarise(report, title);
        lock (_gate)
        {
            _coverage.Add(summary);
        }

        return summary;
    }

    public static TestRunSummary Summarise(TestRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var failed = run.Cases.Where(c => c.Outcome == TestOutcome.Failed).Take(FailedNamesKept).ToList();
        return new TestRunSummary(run.Title, run.Total, run.Passed, run.Failed, run.Skipped)
        {
            FailedTests = [.. failed.Select(FullName)],
            Failures = [.. failed.Select(c => new FailedTest(FullName(c), FirstLine(c.Message), FirstLine(c.StackTrace)))],
        };
    }

    private static string FullName(TestCaseResult c) =>
        c.ClassName is null || c.Name.StartsWith(c.ClassName, StringComparison.Ordinal) ? c.Name : $"{c.ClassName}.{c.Name}";

    /// <summary>The first non-blank line, trimmed; null when there is none.</summary>
    private static string? FirstLine(string? text) =>
        text?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);

    private static CoverageSummary Summarise(CoverageReport report, string title) =>
        new(title, report.LinesCovered, report.LinesValid,
            report.BranchesValid == 0 ? null : report.BranchesCovered,
            report.BranchesValid == 0 ? null : report.BranchesValid);
}
