using Slipway.Core.Diagnostics;

namespace Slipway.Core.Templates;

/// <summary>
/// Approximate size of the expanded document, so that loops and repeated templates cannot grow it
/// without bound (AZP-TPL-3: 20 MB). Reports once, then tells every loop to stop.
/// </summary>
internal sealed class SizeBudget(long limit, DiagnosticBag diagnostics)
{
    private const int NodeOverhead = 8;
    private long _used;

    public bool Exceeded { get; private set; }

    public long Used => _used;

    public void Add(int textLength, SourceLocation where) => AddBytes(textLength + NodeOverhead, where);

    public void AddBytes(long bytes, SourceLocation where)
    {
        _used += bytes;
        if (_used <= limit || Exceeded)
        {
            return;
        }

        Exceeded = true;
        diagnostics.Error(TemplateDiagnosticCodes.TooLarge,
            $"The expanded pipeline is larger than the limit of {limit / (1024 * 1024)} MB (AZP-TPL-3); expansion stopped here.", where);
    }
}
