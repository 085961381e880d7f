using Slipway.Core.Diagnostics;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Reporting;
using Spectre.Console;

namespace Slipway.Cli.Rendering;

/// <summary>
/// Everything the user sees of a run, chosen in one place: the live view or the plain log while it
/// runs, the summary at the end, the JSON report on standard output (<c>--output json</c>) and/or in
/// a file (<c>--report</c>). <c>slipway run</c> adds it to its event sinks and calls
/// <see cref="Finish"/> once the run is over.
/// </summary>
internal sealed class RunPresenter : IRunEventSink, IDisposable
{
    private readonly RunDisplayOptions _options;
    private readonly TextWriter _stdout;
    private readonly IAnsiConsole _human;
    private readonly LiveRunView? _live;
    private readonly PlainLogSink? _plain;
    private readonly TextWriter _humanWriter;
    private readonly IRunEventSink _view;
    private readonly Func<string, string>? _mask;
    private bool _finished;

    private RunPresenter(RunDisplayOptions options, TextWriter stdout, TextWriter humanWriter, TimeProvider time, Func<string, string>? mask)
    {
        _options = options;
        _stdout = stdout;
        _mask = mask;
        Report = new RunReportBuilder(mask);
        Kind = options.Choose(humanWriter);
        var terminal = options.IsTerminal ?? TerminalDetection.IsTerminal(humanWriter);
        _human = CreateConsole(humanWriter, terminal);
        _humanWriter = humanWriter;
        if (Kind == RunViewKind.Live)
        {
            _live = new LiveRunView(_human, time);
            _view = _live;
        }
        else
        {
            _plain = new PlainLogSink(humanWriter, time);
            _view = _plain;
        }
    }

    public RunViewKind Kind { get; }

    /// <summary>The report as the events have built it so far.</summary>
    public RunReportBuilder Report { get; }

    /// <param name="mask">The run's secret masker (<c>SecretMasker.Mask</c>), applied once more to the report's texts.</param>
    public static RunPresenter Create(CliConsole console, RunDisplayOptions options, TimeProvider time, Func<string, string>? mask = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(options);
        var human = options.Output == RunOutputFormat.Json ? console.Error : console.Out;
        var presenter = new RunPresenter(options, console.Out, human, time, mask);
        presenter._live?.Start();
        return presenter;
    }

    public void OnEvent(RunEvent runEvent)
    {
        Report.OnEvent(runEvent);
        _view.OnEvent(runEvent);
    }

    public void OnLogLine(in LogLine line) => _view.OnLogLine(line);

    /// <summary>Stops the live view, prints the summary, writes the JSON report(s). Returns the problems met (console or report file).</summary>
    public IReadOnlyList<Diagnostic> Finish()
    {
        if (_finished)
        {
            return [];
        }

        _finished = true;
        var problems = new List<Diagnostic>();
        _live?.Stop();
        problems.AddRange(_live?.Problems ?? []);
        _plain?.Dispose();
        problems.AddRange(_plain?.Problems ?? []);
        var report = Report.Build();
        WriteSummary(report, problems);
        if (_options.Collect is { } collect)
        {
            collect(report);
            return problems;
        }

        if (_options.Output == RunOutputFormat.Json)
        {
            try
            {
                RunReportJson.Write(report, _stdout, _mask);
            }
            catch (IOException e)
            {
                problems.Add(Diagnostic.Error(ReportingDiagnosticCodes.ReportWriteFailed, $"Could not write the run report to standard output: {e.Message}", SourceLocation.None));
            }
        }

        if (_options.ReportFile is { } file && RunReportJson.TryWriteFile(report, file, _mask) is { } failed)
        {
            problems.Add(failed);
        }

        return problems;
    }

    public void Dispose()
    {
        _live?.Dispose();
        _plain?.Dispose();
    }

    private void WriteSummary(RunReport report, List<Diagnostic> problems)
    {
        var glyphs = Kind == RunViewKind.Live ? new StatusGlyphs(_human.Profile.Capabilities.Unicode) : null;
        Func<string, IReadOnlyList<string>>? tail = _live is null ? null : id => _live.Model.FindJob(id)?.Tail.Last(16) ?? [];
        try
        {
            new RunSummaryWriter(_human, glyphs, tail, _plain is null ? null : _humanWriter).Write(report);
        }
        catch (IOException e)
        {
            problems.Add(Diagnostic.Warning(ReportingDiagnosticCodes.ConsoleWriteFailed, $"Writing the run summary failed: {e.Message}", SourceLocation.None));
        }
    }

    /// <summary>A Spectre console over the writer: colours only on a terminal, no wrapping in plain logs.</summary>
    internal static IAnsiConsole CreateConsole(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),

            // Spectre's CI enrichers (TF_BUILD, GITHUB_ACTIONS, ...) would switch colours back on for plain logs.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = terminal },
        });
        if (!terminal)
        {
            console.Profile.Width = 4096;
        }

        return console;
    }
}
