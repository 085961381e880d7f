using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;

namespace Slipway.Core.Runtime.Reporting;

internal sealed partial class RunReportBuilder
{
    /// <summary>The report as it stands (complete once <see cref="RunCompleted"/> arrived).</summary>
    public RunReport Build()
    {
        lock (_lock)
        {
            var result = _completed?.Result;
            return new RunReport
            {
                RunId = _completed?.RunId ?? _started?.RunId ?? 0,
                Pipeline = _started?.PipelinePath ?? string.Empty,
                Syntax = _started is { } s ? SyntaxName(s.Plan.Syntax) : "azure-pipelines",
                BuildNumber = MaskOrNull(_buildNumber),
                Result = result,
                ExitCode = result is { } r ? RunReport.ExitCodeFor(r) : null,
                StartedAt = _started?.Timestamp,
                FinishedAt = _completed?.Timestamp,
                DurationSeconds = _completed is { } c ? Seconds(c.Duration) : null,
                Tags = _tags.Select(Mask).ToList(),
                Stages = _stages.Select(BuildStage).ToList(),
                Issues = _issues.Select(i => BuildIssue(i.Node, i.Issue)).ToList(),
                Tests = _tests.Select(BuildTests).ToList(),
                Coverage = _coverage.Select(BuildCoverage).ToList(),
                StepSummaries = _summaries.Select(s => new StepSummaryReport(s.Node.Identifier, Mask(s.Node.DisplayName), s.Path, Mask(s.Markdown))).ToList(),
            };
        }
    }

    private StageReport BuildStage(Entry stage) => new()
    {
        Name = stage.Node.Name,
        DisplayName = stage.Node.DisplayName,
        Identifier = stage.Node.Identifier,
        Result = stage.Result,
        StartedAt = stage.StartedAt,
        FinishedAt = stage.FinishedAt,
        DurationSeconds = Seconds(stage.Duration),
        Reason = MaskOrNull(stage.Reason),
        Jobs = stage.Children.Where(c => c.Node.Kind == RecordKind.Job).Select(BuildJob).ToList(),
    };

    private JobReport BuildJob(Entry job) => new()
    {
        Name = job.Node.Name,
        DisplayName = job.Node.DisplayName,
        Identifier = job.Node.Identifier,
        Result = job.Result,
        StartedAt = job.StartedAt,
        FinishedAt = job.FinishedAt,
        DurationSeconds = Seconds(job.Duration),
        Reason = MaskOrNull(job.Reason),
        LogPath = job.LogPath,
        Steps = job.Children.Select(BuildStep).ToList(),
        Outputs = job.Outputs.ToDictionary(o => o.Key, o => Mask(o.Value), StringComparer.OrdinalIgnoreCase),
    };

    private StepReport BuildStep(Entry step) => new()
    {
        Name = step.Node.Name,
        DisplayName = step.Node.DisplayName,
        Identifier = step.Node.Identifier,
        Result = step.Result,
        StartedAt = step.StartedAt,
        FinishedAt = step.FinishedAt,
        DurationSeconds = Seconds(step.Duration),
        Reason = MaskOrNull(step.Reason),
        ExitCode = step.ExitCode,
        LogPath = step.LogPath,
    };

    private IssueReport BuildIssue(TimelineNode? node, IssueRaised issue) => new(issue.Type, Mask(issue.Message))
    {
        Record = node?.Identifier,
        File = issue.File,
        Line = issue.Line,
        Column = issue.Column,
        Code = issue.Code,
    };

    private TestRunReport BuildTests(TestResultsPublished published)
    {
        var s = published.Summary;
        return new TestRunReport(Mask(s.Title), s.Total, s.Passed, s.Failed, s.Skipped)
        {
            Record = published.Node.Identifier,
            FailedTests = s.FailedTests.Select(Mask).ToList(),
        };
    }

    private CoverageReport BuildCoverage(CoveragePublished published)
    {
        var s = published.Summary;
        return new CoverageReport(Mask(s.Title), s.LinesCovered, s.LinesValid, s.BranchesCovered, s.BranchesValid)
        {
            Record = published.Node.Identifier,
        };
    }

    private string Mask(string text) => mask is null ? text : mask(text);

    private string? MaskOrNull(string? text) => text is null ? null : Mask(text);

    private static double? Seconds(TimeSpan? span) => span is { } value ? Math.Round(value.TotalSeconds, 3) : null;
}
