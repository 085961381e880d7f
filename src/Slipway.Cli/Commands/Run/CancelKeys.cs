using System.Runtime.InteropServices;

namespace Slipway.Cli.Commands.Run;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM during a run: the first cancels gracefully (running steps are
/// stopped, <c>always()</c>/<c>canceled()</c> steps still run, results are recorded), the second kills
/// every process the run started at once.
/// </summary>
internal sealed class CancelKeys : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly CancellationTokenSource _kill = new();
    private readonly TextWriter _error;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _presses;

    public CancelKeys(TextWriter error)
    {
        _error = error;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // No signal handling on this platform: the default (terminate) applies.
            }
        }
    }

    public CancellationToken Cancel => _cancel.Token;

    public CancellationToken Kill => _kill.Token;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref _presses) == 1)
        {
            _error.WriteLine("slipway: canceling the run: running steps are stopped, always() and canceled() steps still run. Press Ctrl-C again to kill.");
            _cancel.Cancel();
        }
        else
        {
            _error.WriteLine("slipway: killing every process of the run.");
            _kill.Cancel();
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
        _kill.Dispose();
    }
}
