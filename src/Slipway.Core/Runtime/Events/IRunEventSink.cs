namespace Slipway.Core.Runtime.Events;

/// <summary>How a log line renders; the text of a decorated line has its <c>##[...]</c> prefix removed.</summary>
internal enum LogLineKind : byte
{
    Output,
    Command,
    Group,
    EndGroup,
    Warning,
    Error,
    Debug,
    Section,
}

/// <summary>One masked log line of a step (or of a job, for runner lines outside any step). No allocation besides the text.</summary>
internal readonly record struct LogLine(TimelineNode Node, LogLineKind Kind, string Text);

/// <summary>
/// Receives a run's events (terminal view, plain log, JSON report, run store). Called synchronously
/// on the runner's threads, possibly from several jobs at once: implementations must be thread-safe,
/// return quickly (queue heavy work), and must not throw. Lines and events of one record arrive in order.
/// </summary>
internal interface IRunEventSink
{
    void OnEvent(RunEvent runEvent);

    /// <summary>The hot path: 200,000+ lines per second.</summary>
    void OnLogLine(in LogLine line);
}

/// <summary>Fans events out to several sinks, in order.</summary>
internal sealed class CompositeRunEventSink(IReadOnlyList<IRunEventSink> sinks) : IRunEventSink
{
    public IReadOnlyList<IRunEventSink> Sinks { get; } = sinks;

    public void OnEvent(RunEvent runEvent)
    {
        foreach (var sink in Sinks)
        {
            sink.OnEvent(runEvent);
        }
    }

    public void OnLogLine(in LogLine line)
    {
        foreach (var sink in Sinks)
        {
            sink.OnLogLine(line);
        }
    }
}
