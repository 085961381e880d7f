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
internal sealed class LiveRunView : IRunEventSink, IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly IAnsiConsole _console;
    private readonly TimeProvider _time;
    private readonly LiveRunRenderer _renderer;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Diagnostic> _problems = [];
    private Task? _loop;

    public LiveRunView(IAnsiConsole console, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(console);
        _console = console;
        _time = time;
        _renderer = new LiveRunRenderer(Model, new StatusGlyphs(console.Profile.Capabilities.Unicode));
    }

    public LiveRunModel Model { get; } = new();

    public IReadOnlyList<Diagnostic> Problems => _problems;

    /// <summary>Starts drawing (on a thread-pool thread).</summary>
    public void Start() => _loop ??= Task.Run(LoopAsync);

    public void OnEvent(RunEvent runEvent)
    {
        Model.Apply(runEvent);
        if (runEvent is RunCompleted)
        {
            _done.TrySetResult();
        }
    }

    public void OnLogLine(in LogLine line) => Model.AddLine(line);

    /// <summary>Draws the final state and leaves it on screen.</summary>
    public async Task StopAsync()
    {
        _done.TrySetResult();
        if (_loop is { } loop)
        {
            await loop.ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task LoopAsync()
    {
        try
        {
            await _console.Live(Frame()).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).Cropping(VerticalOverflowCropping.Top)
                .StartAsync(async context =>
                {
                    using var timer = new PeriodicTimer(Interval, _time);
                    while (!_done.Task.IsCompleted)
                    {
                        context.UpdateTarget(Frame());
                        context.Refresh();
                        await Task.WhenAny(timer.WaitForNextTickAsync().AsTask(), _done.Task).ConfigureAwait(false);
                    }

                    context.UpdateTarget(Frame());
                    context.Refresh();
                }).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            _problems.Add(Diagnostic.Warning(ReportingDiagnosticCodes.ConsoleWriteFailed, $"The terminal view stopped: {e.Message}", SourceLocation.None));
        }
    }

    private Spectre.Console.Rendering.IRenderable Frame() =>
        _renderer.Render(_time.GetUtcNow(), _console.Profile.Width, _console.Profile.Height);
}
