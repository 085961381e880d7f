namespace Slipway.Core.Runtime.Checkout;

/// <summary>Where a checkout writes what it does (the step log; lines are masked there).</summary>
internal interface ICheckoutLog
{
    void Output(string line);

    /// <summary>A command about to run (<c>##[command]git fetch ...</c>).</summary>
    void Command(string line);

    void Debug(string line);

    void Warning(string message, string code);
}

/// <summary>A log that keeps every line, for tests and for callers without a step log.</summary>
internal sealed class RecordingCheckoutLog : ICheckoutLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public void Output(string line) => Add(line);

    public void Command(string line) => Add("##[command]" + line);

    public void Debug(string line) => Add("##[debug]" + line);

    public void Warning(string message, string code) => Add($"##[warning]{code}: {message}");

    private void Add(string line)
    {
        lock (_gate)
        {
            _lines.Add(line);
        }
    }
}
