using Slipway.Cli.Rendering;
using Slipway.Core.Runtime.Events;

namespace Slipway.Cli.Commands.Run;

/// <summary>The view helper's part of <see cref="RunViews"/>: the live view or the plain log, the
/// summary and the JSON report, all through <see cref="RunPresenter"/>, which chooses between them.</summary>
internal static partial class RunViews
{
    static partial void AddViews(RunViewOptions options, CliConsole console, List<IRunEventSink> sinks, ref bool handled)
    {
        var display = new RunDisplayOptions
        {
            Output = options.Json ? RunOutputFormat.Json : RunOutputFormat.Human,
            Plain = options.Plain,
            ReportFile = options.ReportPath is { } path ? Path.GetFullPath(path, options.WorkingDirectory) : null,
        };
        sinks.Add(RunPresenter.Create(console, display, TimeProvider.System));
        handled = true;
    }

    static partial void FinishViews(CliConsole console, List<IRunEventSink> sinks)
    {
        foreach (var presenter in sinks.OfType<RunPresenter>())
        {
            foreach (var problem in presenter.Finish())
            {
                console.Error.WriteLine(problem.ToString());
            }

            presenter.Dispose();
        }
    }
}
