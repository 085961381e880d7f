using Slipway.Core.Diagnostics;
using Slipway.Core.Masking;

namespace Slipway.Core.Execution.Output;

/// <summary>
/// Where a step's lines go: every line is masked first (nothing downstream ever sees a secret), then
/// written to each sink. Safe to call from several threads (step output and runner messages).
/// </summary>
internal sealed class StepLog
{
    private readonly SecretMasker _masker;
    private readonly IReadOnlyList<ILogSink> _sinks;
    private readonly Lock _lock = new();

    public StepLog(SecretMasker masker, IReadOnlyList<ILogSink> sinks)
    {
        ArgumentNullException.ThrowIfNull(masker);
        ArgumentNullException.ThrowIfNull(sinks);
        _masker = masker;
        _sinks = sinks;
    }

    public long LinesWritten { get; private set; }

    /// <summary>Problems the sinks ran into (for example a full disk), for the runner to report.</summary>
    public IReadOnlyList<Diagnostic> Problems => _sinks.SelectMany(s => s.Problems).ToList();

    public void WriteLine(string line)
    {
        var masked = _masker.Mask(line);
        lock (_lock)
        {
            foreach (var sink in _sinks)
            {
                sink.WriteLine(masked);
            }

            LinesWritten++;
        }
    }

    /// <summary>At step end: flush buffered lines to every sink.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            foreach (var sink in _sinks)
            {
                sink.Flush();
            }
        }
    }
}
