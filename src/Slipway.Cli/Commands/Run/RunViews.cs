using Slipway.Cli.Rendering;
using Slipway.Core.Runtime.Events;

namespace Slipway.Cli.Commands.Run;

/// <summary>How the user asked to see the run.</summary>
internal sealed record RunViewOptions(bool Json, string? ReportPath, bool Debug, string WorkingDirectory)
{
    /// <summary><c>--plain</c>: the prefixed line log even on a terminal.</summary>
    public bool Plain { get; init; }

    /// <summary>Takes the finished report instead of writing it (several runs, one report).</summary>
    public Action<Core.Runtime.Reporting.RunReport>? Collect { get; init; }
}

/// <summary>
/// Where a run's events go: one <see cref="RunPresenter"/>, which chooses the live view, the plain
/// log or JSON, prints the summary and writes the report.
/// </summary>
internal static class RunViews
{
    /// <param name="mask">The run's secret masker: the report's texts are masked once more with it before they are written.</param>
    public static IRunEventSink Create(RunViewOptions options, CliConsole console, out Action finish, Func<string, string>? mask = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var display = new RunDisplayOptions
        {
            Output = options.Json ? RunOutputFormat.Json : RunOutputFormat.Human,
            Plain = options.Plain,
            ReportFile = options.ReportPath is { } path ? Path.GetFullPath(path, options.WorkingDirectory) : null,
            Collect = options.Collect,
        };
        var presenter = RunPresenter.Create(console, display, TimeProvider.System, mask);
        finish = () =>
        {
            foreach (var problem in presenter.Finish())
            {
                console.Error.WriteLine(problem.ToString());
            }

            presenter.Dispose();
        };
        return presenter;
    }
}
