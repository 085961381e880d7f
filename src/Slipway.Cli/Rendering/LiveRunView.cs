using Slipway.Core.Diagnostics;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Reporting;
using Spectre.Console;

namespace Slipway.Cli.Rendering;

/// <summary>
/// The terminal view of a running pipeline: a Spectre.Console live region redrawn ten times a second
/// from <see cref="LiveRunModel"/>, never per line. Events and lines only change the model, so the
/// runner never waits for the terminal.
/// </summary>
internal sealed class LiveRunView : IRunEventSink, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly IAnsiConsole _console;
    private readonly TimeProvider _time;
    private readonly LiveRunRenderer _renderer;
    private readonly ManualResetEventSlim _done = new();
    private readonly List<Diagnostic> _problems = [];
    private Thread? _thread;
    private long _frames;

    public LiveRunView(IAnsiConsole console, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(console);
        _console = console;
        _time = time;
        _renderer = new LiveRunRenderer(Model, new StatusGlyphs(console.Profile.Capabilities.Unicode));
    }

    public LiveRunModel Model { get; } = new();

    public IReadOnlyList<Diagnostic> Problems => _problems;

    /// <summary>How many frames were drawn so far.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Starts drawing on a thread of its own (it sleeps between frames; the runner never waits for it).</summary>
    public void Start()
    {
        if (_thread is not null)
        {
            return;
        }

        _thread = new Thread(Loop) { IsBackground = true, Name = "slipway live view" };
        _thread.Start();
    }

    public void OnEvent(RunEvent runEvent) => Model.Apply(runEvent);

    public void OnLogLine(in LogLine line) => Model.AddLine(line);

    /// <summary>Clears the live region (the summary that follows shows the final state) and returns once the drawing thread has ended.</summary>
    public void Stop()
    {
        _done.Set();
        _thread?.Join();
    }

    public void Dispose()
    {
        Stop();
        _done.Dispose();
    }

    private void Loop()
    {
        try
        {
            _console.Live(Frame()).AutoClear(true).Overflow(VerticalOverflow.Ellipsis).Cropping(VerticalOverflowCropping.Top)
                .Start(context =>
                {
                    while (!_done.Wait(Interval))
                    {
                        context.UpdateTarget(Frame());
                        context.Refresh();
                        Interlocked.Increment(ref _frames);
                    }
                });
        }
        catch (IOException e)
        {
            _problems.Add(Diagnostic.Warning(ReportingDiagnosticCodes.ConsoleWriteFailed, $"The terminal view stopped: {e.Message}", SourceLocation.None));
        }
    }

    private Spectre.Console.Rendering.IRenderable Frame() =>
        _renderer.Render(_time.GetUtcNow(), _console.Profile.Width, _console.Profile.Height);
}
