using System.Globalization;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Reporting;
using Spectre.Console;

namespace Slipway.Cli.Rendering;

internal sealed partial class RunSummaryWriter
{
    private void WriteIssues(IReadOnlyList<IssueReport> issues)
    {
        if (issues.Count == 0)
        {
            return;
        }

        var errors = issues.Count(i => i.Type == IssueType.Error);
        var notices = issues.Count(i => i.Type == IssueType.Notice);
        var noticeText = notices > 0 ? string.Create(CultureInfo.InvariantCulture, $", {notices} notices") : string.Empty;
        Heading(string.Create(CultureInfo.InvariantCulture, $"Errors and warnings ({errors} errors, {issues.Count - errors - notices} warnings{noticeText})"));
        var groups = issues.GroupBy(i => i with { Record = null }).OrderBy(g => (int)g.Key.Type).ToList();
        foreach (var group in groups.Take(MaxIssues))
        {
            var style = group.Key.Type switch
            {
                IssueType.Error => new Style(Color.Red),
                IssueType.Warning => new Style(Color.Yellow),
                _ => new Style(Color.Blue),
            };
            Line($"  [{style.ToMarkup()}]{Markup.Escape(IssueText(group.Key, group.Select(i => i.Record)))}[/]");
        }

        if (groups.Count > MaxIssues)
        {
            Line($"  [{StatusGlyphs.Dim.ToMarkup()}]{Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"... and {groups.Count - MaxIssues} more (see the report or the logs)"))}[/]");
        }
    }

    /// <summary><c>file(line,col): error CODE: message [Stage.Job.Step]</c>, as compilers and problem matchers print
    /// them; the same issue raised by several records (matrix legs) is printed once with up to three of them.</summary>
    internal static string IssueText(IssueReport issue, IEnumerable<string?>? records = null)
    {
        var where = issue.File is { Length: > 0 } file
            ? file + (issue.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"({line}{(issue.Column is { } col ? "," + col.ToString(CultureInfo.InvariantCulture) : string.Empty)})") : string.Empty) + ": "
            : string.Empty;
        var severity = issue.Type switch
        {
            IssueType.Error => "error",
            IssueType.Warning => "warning",
            _ => "notice",
        };
        var code = issue.Code is { Length: > 0 } c ? " " + c : string.Empty;
        var names = (records ?? [issue.Record]).OfType<string>().Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var more = names.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $", +{names.Count - 3} more") : string.Empty;
        var record = names.Count > 0 ? $" [{string.Join(", ", names.Take(3))}{more}]" : string.Empty;
        return $"{where}{severity}{code}: {ConsoleText.Clean(issue.Message)}{record}";
    }

    private void WriteTests(IReadOnlyList<TestRunReport> runs)
    {
        if (runs.Count == 0)
        {
            return;
        }

        Heading("Tests");
        foreach (var run in runs)
        {
            var style = run.Failed > 0 ? new Style(Color.Red) : new Style(Color.Green);
            var counts = string.Create(CultureInfo.InvariantCulture, $"{run.Passed} passed, {run.Failed} failed, {run.Skipped} skipped ({run.Total} total)");
            Line($"  {Markup.Escape(run.Title)}: [{style.ToMarkup()}]{Markup.Escape(counts)}[/]");
            foreach (var name in run.FailedTests.Take(MaxFailedTests))
            {
                Line($"    [red]{Markup.Escape("failed: " + ConsoleText.Clean(name))}[/]");
                if (run.Failures.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal)) is { } failure)
                {
                    WriteFailureDetail(failure.Message);
                    WriteFailureDetail(failure.StackTrace);
                }
            }

            if (run.FailedTests.Count > MaxFailedTests)
            {
                Line($"    [{StatusGlyphs.Dim.ToMarkup()}]{Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"... and {run.FailedTests.Count - MaxFailedTests} more"))}[/]");
            }
        }
    }

    private void WriteFailureDetail(string? text)
    {
        if (text is { Length: > 0 })
        {
            Line($"      [{StatusGlyphs.Dim.ToMarkup()}]{Markup.Escape(ConsoleText.Clean(text))}[/]");
        }
    }

    private void WriteCoverage(IReadOnlyList<CoverageReport> coverage)
    {
        if (coverage.Count == 0)
        {
            return;
        }

        Heading("Coverage");
        foreach (var report in coverage)
        {
            var text = "lines " + Rate(report.LineRate, report.LinesCovered, report.LinesValid);
            if (report.BranchesValid is { } valid)
            {
                text += ", branches " + Rate(report.BranchRate, report.BranchesCovered ?? 0, valid);
            }

            Line($"  {Markup.Escape(report.Title)}: {Markup.Escape(text)}");
        }
    }

    /// <summary>GitHub step summaries: each step's Markdown (its first lines) and where the whole file is.</summary>
    private void WriteStepSummaries(IReadOnlyList<StepSummaryReport> summaries)
    {
        if (summaries.Count == 0)
        {
            return;
        }

        Heading("Step summaries");
        foreach (var summary in summaries)
        {
            Line($"  [bold]{Markup.Escape(ConsoleText.Clean(summary.DisplayName))}[/] [{StatusGlyphs.Dim.ToMarkup()}]{Markup.Escape(summary.Path)}[/]");
            var lines = summary.Markdown.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
            foreach (var line in lines.Take(TailLines))
            {
                Line($"    {Markup.Escape(ConsoleText.Clean(line))}");
            }

            if (lines.Count > TailLines)
            {
                Line($"    [{StatusGlyphs.Dim.ToMarkup()}]{Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"... {lines.Count - TailLines} more lines"))}[/]");
            }
        }
    }

    private static string Rate(double? rate, int covered, int valid) =>
        string.Create(CultureInfo.InvariantCulture, $"{(rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a")} ({covered}/{valid})");

    private void WriteClosing(RunReport report)
    {
        var result = ResultWord(report.Result);
        var duration = report.DurationSeconds is { } seconds ? " in " + Durations.Format(TimeSpan.FromSeconds(seconds)) : string.Empty;
        var run = string.Create(CultureInfo.InvariantCulture, $"Run {report.RunId}");
        Blank();
        Line($"[bold]{Markup.Escape(run)}[/] [{StatusGlyphs.StyleOf(report.Result).ToMarkup()} bold]{Markup.Escape(result)}[/]{Markup.Escape(duration)}. "
            + Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Logs: slipway logs {report.RunId}")));
    }
}
