using Slipway.Core.Runtime.Events;

namespace Slipway.Cli.Commands.Run;

/// <summary>How the user asked to see the run.</summary>
internal sealed record RunViewOptions(bool Json, string? ReportPath, bool Debug, string WorkingDirectory)
{
    /// <summary><c>--plain</c>: the prefixed line log even on a terminal.</summary>
    public bool Plain { get; init; }
}

/// <summary>
/// The sinks a run's events go to. The view helper plugs its live view, summary and JSON report in
/// through <see cref="AddViews"/> (its own file); without them the plain prefixed line log is used.
/// </summary>
internal static partial class RunViews
{
    public static IRunEventSink Create(RunViewOptions options, CliConsole console, out Action flush)
    {
        ArgumentNullException.ThrowIfNull(console);
        var sinks = new List<IRunEventSink>();
        var handled = false;
        AddViews(options, console, sinks, ref handled);
        if (!handled)
        {
            var plain = new PlainTextSink(options.Json ? console.Error : console.Out, showDebug: true);
            sinks.Add(plain);
            if (options.Json || options.ReportPath is not null)
            {
                sinks.Add(new JsonReportSink(options.Json ? console.Out : null, options.ReportPath));
            }
        }

        flush = () =>
        {
            foreach (var sink in sinks.OfType<PlainTextSink>())
            {
                sink.Dispose();
            }

            FinishViews(console, sinks);
        };
        return sinks.Count == 1 ? sinks[0] : new CompositeRunEventSink(sinks);
    }

    /// <summary>Adds the view helper's sinks; set <paramref name="handled"/> when they replace the plain log and report.</summary>
    static partial void AddViews(RunViewOptions options, CliConsole console, List<IRunEventSink> sinks, ref bool handled);

    /// <summary>After the run: the view helper stops its live view, prints the summary and writes the report.</summary>
    static partial void FinishViews(CliConsole console, List<IRunEventSink> sinks);
}
