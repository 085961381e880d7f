using Slipway.Core.Runs;
using Spectre.Console;

namespace Slipway.Cli.Rendering;

/// <summary>The icon and colour of a record's state, with ASCII stand-ins for consoles without Unicode.</summary>
internal sealed class StatusGlyphs(bool unicode)
{
    private readonly Spectre.Console.Spinner _spinner = unicode ? Spectre.Console.Spinner.Known.Dots : Spectre.Console.Spinner.Known.Line;

    public static Style Pending { get; } = new(Color.Grey);

    public static Style Running { get; } = new(Color.DeepSkyBlue1);

    public static Style Dim { get; } = new(Color.Grey);

    /// <summary>The spinner frame for a moment of the run (the view redraws ten times a second).</summary>
    public string SpinnerFrame(TimeSpan elapsed)
    {
        var frames = _spinner.Frames;
        var index = (int)(elapsed.Ticks / Math.Max(1, _spinner.Interval.Ticks) % frames.Count);
        return frames[index];
    }

    public string Icon(RunResult? result) => result switch
    {
        null => unicode ? "○" : "o",
        RunResult.Succeeded => unicode ? "✔" : "+",
        RunResult.SucceededWithIssues => unicode ? "▲" : "!",
        RunResult.Failed => unicode ? "✘" : "x",
        RunResult.Canceled => unicode ? "⊘" : "/",
        _ => unicode ? "↷" : "-",
    };

    public static Style StyleOf(RunResult? result) => result switch
    {
        RunResult.Succeeded => new Style(Color.Green),
        RunResult.SucceededWithIssues => new Style(Color.Yellow),
        RunResult.Failed => new Style(Color.Red),
        RunResult.Canceled => new Style(Color.Orange1),
        RunResult.Skipped => new Style(Color.Grey),
        _ => Pending,
    };
}
