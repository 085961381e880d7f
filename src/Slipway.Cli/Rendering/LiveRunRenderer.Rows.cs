using System.Globalization;
using Slipway.Core.Runs;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Slipway.Cli.Rendering;

internal sealed partial class LiveRunRenderer
{
    private Markup RowLine(LiveRow row, string indent, int nameWidth, string? step, DateTimeOffset now)
    {
        var (icon, style) = row.State switch
        {
            RowState.Running => (glyphs.SpinnerFrame(now - (model.StartedAt ?? now)), StatusGlyphs.Running),
            RowState.Completed => (glyphs.Icon(row.Result), StatusGlyphs.StyleOf(row.Result)),
            _ => (glyphs.Icon(null), StatusGlyphs.Pending),
        };
        var name = ConsoleText.Clip(row.DisplayName, nameWidth).PadRight(nameWidth);
        var markup = $"{indent}[{style.ToMarkup()}]{Markup.Escape(icon)}[/] {Markup.Escape(name)} {Markup.Escape(Timing(row, now)),7}";
        if (row.State == RowState.Running && step is not null)
        {
            markup += $" [{StatusGlyphs.Dim.ToMarkup()}]{Markup.Escape(ConsoleText.Clip(ConsoleText.Clean(step), 60))}[/]";
        }
        else if (row.State == RowState.Completed && row.Result is not RunResult.Succeeded)
        {
            var text = PlainLogSink.ResultText(row.Result ?? RunResult.Skipped);
            if (row.Reason is { Length: > 0 } reason)
            {
                text += ": " + ConsoleText.Clip(ConsoleText.Clean(reason), 60);
            }

            markup += $" [{StatusGlyphs.StyleOf(row.Result).ToMarkup()}]{Markup.Escape(text)}[/]";
        }

        if (row is LiveJob { Errors: > 0 } or LiveJob { Warnings: > 0 })
        {
            var job = (LiveJob)row;
            var counts = string.Create(CultureInfo.InvariantCulture, $"({job.Errors} errors, {job.Warnings} warnings)");
            markup += $" [{StatusGlyphs.StyleOf(job.Errors > 0 ? RunResult.Failed : RunResult.SucceededWithIssues).ToMarkup()}]{Markup.Escape(counts)}[/]";
        }

        return new Markup(markup);
    }

    /// <summary><c>Run 12 · azure-pipelines.yml · 4.2s</c></summary>
    private Markup Header(DateTimeOffset now)
    {
        var elapsed = model.StartedAt is { } start ? " · " + Durations.Format(now - start) : string.Empty;
        var text = string.Create(CultureInfo.InvariantCulture, $"Run {model.RunId} · {model.Pipeline ?? "pipeline"}{elapsed}");
        return new Markup($"[{StatusGlyphs.Dim.ToMarkup()}]{Markup.Escape(text)}[/]");
    }

    private static string Timing(LiveRow row, DateTimeOffset now) => row.State switch
    {
        RowState.Running when row.StartedAt is { } start => Durations.Format(now - start),
        RowState.Completed when row.Result != RunResult.Skipped && row.Duration is { } duration => Durations.Format(duration),
        _ => string.Empty,
    };

    private Markup FoldedLine(string indent, List<LiveJob> jobs)
    {
        var done = jobs.Count(j => j.State == RowState.Completed);
        var failed = jobs.Count(j => j.Result is RunResult.Failed);
        var pending = jobs.Count(j => j.State == RowState.Pending);
        var text = string.Create(CultureInfo.InvariantCulture, $"{done} done ({failed} failed), {pending} pending");
        return new Markup($"{indent}[{StatusGlyphs.Dim.ToMarkup()}]{Markup.Escape(glyphs.Icon(null))} {Markup.Escape(text)}[/]");
    }
}
