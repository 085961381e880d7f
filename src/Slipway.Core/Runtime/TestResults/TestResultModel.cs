namespace Slipway.Core.Runtime.TestResults;

internal enum TestOutcome
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>One test case from a result file, whatever its format.</summary>
internal sealed record TestCaseResult(string Name, string? ClassName, TestOutcome Outcome, TimeSpan Duration)
{
    public string? Message { get; init; }

    public string? StackTrace { get; init; }
}

/// <summary>One published test run (<c>PublishTestResults@2</c>: one per file, or one merged run).</summary>
internal sealed record TestRunResult(string Title, string Format, IReadOnlyList<TestCaseResult> Cases)
{
    public int Total => Cases.Count;

    public int Passed => Cases.Count(c => c.Outcome == TestOutcome.Passed);

    public int Failed => Cases.Count(c => c.Outcome == TestOutcome.Failed);

    public int Skipped => Cases.Count(c => c.Outcome == TestOutcome.Skipped);

    public TimeSpan Duration => Cases.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Duration);
}

/// <summary>Line and branch coverage of one source file, merged over every report that names it.</summary>
internal sealed record FileCoverage(string Path, IReadOnlyDictionary<int, int> LineHits, int BranchesCovered, int BranchesValid)
{
    public int LinesValid => LineHits.Count;

    public int LinesCovered => LineHits.Values.Count(h => h > 0);
}

/// <summary>Coverage of a run (<c>PublishCodeCoverageResults@2</c>), as percentages and counts.</summary>
internal sealed record CoverageReport(IReadOnlyList<FileCoverage> Files)
{
    public int LinesCovered => Files.Sum(f => f.LinesCovered);

    public int LinesValid => Files.Sum(f => f.LinesValid);

    public int BranchesCovered => Files.Sum(f => f.BranchesCovered);

    public int BranchesValid => Files.Sum(f => f.BranchesValid);

    public double LineRate => LinesValid == 0 ? 0 : (double)LinesCovered / LinesValid;

    public double BranchRate => BranchesValid == 0 ? 0 : (double)BranchesCovered / BranchesValid;
}
