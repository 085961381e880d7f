using Slipway.Core.Runs;

namespace Slipway.Core.Runtime.Reporting;

/// <summary>
/// The machine-readable record of one run (<c>slipway run --output json</c>, <c>--report FILE</c>);
/// its JSON shape is described by <c>docs/run-report.schema.json</c>. Every text in it is masked.
/// </summary>
internal sealed record RunReport
{
    /// <summary>Raised when a field changes meaning or goes away; adding a field keeps the version.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public long RunId { get; init; }

    public required string Pipeline { get; init; }

    /// <summary><c>azure-pipelines</c> or <c>github-actions</c>.</summary>
    public required string Syntax { get; init; }

    public string? BuildNumber { get; init; }

    /// <summary>Null while the run has not completed (a report written after a crash).</summary>
    public RunResult? Result { get; init; }

    /// <summary>The process exit code the result maps to: 0 (with or without issues), 1 failed or canceled.</summary>
    public int? ExitCode { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public double? DurationSeconds { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<StageReport> Stages { get; init; } = [];

    public IReadOnlyList<IssueReport> Issues { get; init; } = [];

    public IReadOnlyList<TestRunReport> Tests { get; init; } = [];

    public IReadOnlyList<CoverageReport> Coverage { get; init; } = [];

    /// <summary>GitHub step summaries (<c>GITHUB_STEP_SUMMARY</c>), in the order the steps wrote them.</summary>
    public IReadOnlyList<StepSummaryReport> StepSummaries { get; init; } = [];

    /// <summary>The exit code of a run result as <c>slipway run</c> returns it.</summary>
    public static int ExitCodeFor(RunResult result) =>
        result is RunResult.Succeeded or RunResult.SucceededWithIssues or RunResult.Skipped ? 0 : 1;
}

/// <summary>What stages, jobs and steps have in common: a timeline record.</summary>
internal abstract record RecordReport
{
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>Dotted identifier: <c>Stage</c>, <c>Stage.Job</c>, <c>Stage.Job.Step</c>.</summary>
    public required string Identifier { get; init; }

    /// <summary>Null when the record started but never completed.</summary>
    public RunResult? Result { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public double? DurationSeconds { get; init; }

    /// <summary>Why it ended so: failure message, skip reason, cancel or timeout.</summary>
    public string? Reason { get; init; }
}

internal sealed record StageReport : RecordReport
{
    public IReadOnlyList<JobReport> Jobs { get; init; } = [];
}

internal sealed record JobReport : RecordReport
{
    public string? LogPath { get; init; }

    public IReadOnlyList<StepReport> Steps { get; init; } = [];

    /// <summary>Output variables by <c>Step.Name</c> as <c>dependencies.Job.outputs['Step.Name']</c> reads them; secrets are <c>***</c>.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();
}

internal sealed record StepReport : RecordReport
{
    public int? ExitCode { get; init; }

    public string? LogPath { get; init; }
}

internal sealed record IssueReport(IssueType Type, string Message)
{
    /// <summary>Identifier of the stage, job or step that raised it; null for the run itself.</summary>
    public string? Record { get; init; }

    public string? File { get; init; }

    public int? Line { get; init; }

    public int? Column { get; init; }

    public string? Code { get; init; }
}

internal sealed record TestRunReport(string Title, int Total, int Passed, int Failed, int Skipped)
{
    public string? Record { get; init; }

    public IReadOnlyList<string> FailedTests { get; init; } = [];
}

internal sealed record CoverageReport(string Title, int LinesCovered, int LinesValid, int? BranchesCovered, int? BranchesValid)
{
    public string? Record { get; init; }

    /// <summary>Covered / valid lines, 0..1; null when the report has no lines.</summary>
    public double? LineRate => LinesValid > 0 ? Math.Round((double)LinesCovered / LinesValid, 4) : null;

    public double? BranchRate => BranchesValid is > 0 && BranchesCovered is { } covered ? Math.Round((double)covered / BranchesValid.Value, 4) : null;
}

/// <summary>A step's Markdown summary: the step record, the stored file and the (masked) text.</summary>
internal sealed record StepSummaryReport(string Record, string DisplayName, string Path, string Markdown);
