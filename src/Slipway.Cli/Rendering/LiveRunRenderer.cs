using Spectre.Console;
using Spectre.Console.Rendering;

namespace Slipway.Cli.Rendering;

/// <summary>
/// Draws the live view from the model: one line per stage and job (icon, name, running step,
/// duration) and the last lines of each running job, fitted to the console's height by dropping
/// output lines first and then folding finished and pending jobs into counts.
/// </summary>
internal sealed partial class LiveRunRenderer(LiveRunModel model, StatusGlyphs glyphs)
{
    private const int MaxNameWidth = 40;

    /// <summary>The view at <paramref name="now"/> for a console of the given size.</summary>
    public IRenderable Render(DateTimeOffset now, int width, int height)
    {
        lock (model.Gate)
        {
            var budget = Math.Max(3, height - 1);
            var tail = 3;
            while (tail > 0 && Count(tail, fold: false) > budget)
            {
                tail--;
            }

            var fold = Count(tail, fold: false) > budget;
            var lines = Build(now, width, tail, fold);

            if (lines.Count > budget)
            {
                lines = [.. lines.Take(budget - 1), new Text("…", StatusGlyphs.Dim)];
            }

            return new Rows(lines);
        }
    }

    /// <summary>How many lines <see cref="Build"/> would draw, without drawing them.</summary>
    private int Count(int tailLines, bool fold)
    {
        var count = 1;
        foreach (var stage in model.Stages)
        {
            count += model.SingleStage ? 0 : 1;
            var folded = false;
            foreach (var job in stage.Jobs)
            {
                if (job.Hidden)
                {
                    continue;
                }

                var running = job.State == RowState.Running;
                folded |= fold && !running;
                count += !fold || running ? 1 : 0;
                count += running ? (int)Math.Min(tailLines, job.Tail.Count) : 0;
            }

            count += folded ? 1 : 0;
        }

        return count;
    }

    private List<IRenderable> Build(DateTimeOffset now, int width, int tailLines, bool fold)
    {
        var lines = new List<IRenderable> { Header(now) };
        var nameWidth = Math.Min(MaxNameWidth, model.Stages.SelectMany(s => s.Jobs).Select(j => j.DisplayName.Length + 2)
            .Concat(model.Stages.Select(s => s.DisplayName.Length)).DefaultIfEmpty(10).Max());
        foreach (var stage in model.Stages)
        {
            var indent = model.SingleStage ? string.Empty : "  ";
            if (!model.SingleStage)
            {
                lines.Add(RowLine(stage, string.Empty, nameWidth + 2, step: null, now));
            }

            var jobs = stage.Jobs.Where(j => !j.Hidden).ToList();
            var shown = fold ? jobs.Where(j => j.State == RowState.Running).ToList() : jobs;
            foreach (var job in shown)
            {
                lines.Add(RowLine(job, indent, nameWidth + 2 - indent.Length, job.CurrentStep, now));
                if (job.State == RowState.Running)
                {
                    AddTail(lines, job, indent + "    ", width, tailLines);
                }
            }

            if (fold && jobs.Count > shown.Count)
            {
                lines.Add(FoldedLine(indent, jobs));
            }
        }

        return lines;
    }

    private static void AddTail(List<IRenderable> lines, LiveJob job, string indent, int width, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var room = Math.Max(10, width - indent.Length - 2);
        foreach (var line in job.Tail.Last(count))
        {
            lines.Add(new Text(indent + "│ " + ConsoleText.Clip(ConsoleText.Clean(line), room), StatusGlyphs.Dim));
        }
    }
}
