using System.Globalization;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Reporting;
using Spectre.Console;

namespace Slipway.Cli.Rendering;

/// <summary>
/// The end-of-run summary, drawn from the run report: results per stage and job with durations (and
/// the steps that did not succeed), warnings and errors with their file/line, tests, coverage, and
/// how to read the logs again. The same text for the terminal (coloured) and the plain log.
/// </summary>
/// <param name="plain">For a plain log: the writer the lines go to as text (the markup only styles, and Spectre's rendering
/// of a line cost ~0.1 ms, 20 ms at the end of a 200-job run); null: through <paramref name="console"/>.</param>
internal sealed partial class RunSummaryWriter(IAnsiConsole console, StatusGlyphs? glyphs, Func<string, IReadOnlyList<string>>? failureTail = null, TextWriter? plain = null)
{
    private const int TailLines = 10;
    private const int MaxIssues = 50;
    private const int MaxFailedTests = 10;

    public void Write(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Blank();
        WriteRecords(report);
        WriteIssues(report.Issues);
        WriteTests(report.Tests);
        WriteCoverage(report.Coverage);
        WriteStepSummaries(report.StepSummaries);
        WriteClosing(report);
    }

    private void WriteRecords(RunReport report)
    {
        Heading("Results");
        var singleStage = report.Stages is [{ Name: var only }] && only.StartsWith("__", StringComparison.Ordinal);
        var width = NameWidth(report, singleStage);
        foreach (var stage in report.Stages)
        {
            var indent = "  ";
            if (!singleStage)
            {
                RecordLine(indent, stage, width);
                indent = "    ";
            }

            foreach (var job in stage.Jobs)
            {
                RecordLine(indent, job, width - (indent.Length - 2));
                WriteProblemSteps(indent + "  ", job);
            }
        }
    }

    private void WriteProblemSteps(string indent, JobReport job)
    {
        var problems = job.Steps.Where(s => s.Result is RunResult.Failed or RunResult.Canceled or RunResult.SucceededWithIssues).ToList();
        foreach (var step in problems)
        {
            var detail = ResultWord(step.Result) + (step.ExitCode is { } code && code != 0 ? string.Create(CultureInfo.InvariantCulture, $", exit code {code}") : string.Empty);
            var reason = step.Reason is { Length: > 0 } r ? ": " + ConsoleText.Clean(r) : string.Empty;
            Line($"{indent}{Glyph(step.Result)}{Markup.Escape(step.DisplayName)} [{StatusGlyphs.StyleOf(step.Result).ToMarkup()}]{Markup.Escape(detail + reason)}[/]");
        }

        if (job.Result is RunResult.Failed or RunResult.Canceled && failureTail?.Invoke(job.Identifier) is { Count: > 0 } tail)
        {
            var room = Math.Max(20, console.Profile.Width - indent.Length - 4);
            foreach (var line in tail.TakeLast(TailLines))
            {
                Line($"{indent}  [{StatusGlyphs.Dim.ToMarkup()}]│ {Markup.Escape(ConsoleText.Clip(ConsoleText.Clean(line), room))}[/]");
            }
        }
    }

    private void RecordLine(string indent, RecordReport record, int width)
    {
        var name = ConsoleText.Clip(record.DisplayName, width).PadRight(width);
        var timing = record.Result != RunResult.Skipped && record.DurationSeconds is { } seconds ? Durations.Format(TimeSpan.FromSeconds(seconds)) : string.Empty;
        var result = ResultWord(record.Result).PadRight(21);
        var reason = record.Result is not RunResult.Succeeded && record.Reason is { Length: > 0 } r ? "  " + ConsoleText.Clean(r) : string.Empty;
        Line($"{indent}{Glyph(record.Result)}{Markup.Escape(name)} [{StatusGlyphs.StyleOf(record.Result).ToMarkup()}]{Markup.Escape(result)}[/] {Markup.Escape(timing),7}{Markup.Escape(reason)}");
    }

    private static int NameWidth(RunReport report, bool singleStage)
    {
        var names = singleStage
            ? report.Stages.SelectMany(s => s.Jobs).Select(j => j.DisplayName.Length)
            : report.Stages.Select(s => s.DisplayName.Length).Concat(report.Stages.SelectMany(s => s.Jobs).Select(j => j.DisplayName.Length + 2));
        return Math.Clamp(names.DefaultIfEmpty(10).Max(), 10, 48);
    }

    private string Glyph(RunResult? result) =>
        glyphs is null ? string.Empty : $"[{StatusGlyphs.StyleOf(result).ToMarkup()}]{Markup.Escape(glyphs.Icon(result))}[/] ";

    internal static string ResultWord(RunResult? result) => result is { } value ? PlainLogSink.ResultText(value) : "Not completed";

    private void Heading(string text) => Line($"[bold]{Markup.Escape(text)}[/]");

    private void Line(string markup)
    {
        if (plain is null)
        {
            console.MarkupLine(markup);
        }
        else
        {
            plain.WriteLine(Markup.Remove(markup));
        }
    }

    private void Blank()
    {
        if (plain is null)
        {
            console.WriteLine();
        }
        else
        {
            plain.WriteLine();
        }
    }
}
