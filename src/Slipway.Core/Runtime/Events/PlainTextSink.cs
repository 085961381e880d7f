using System.Globalization;
using Slipway.Core.Runs;

namespace Slipway.Core.Runtime.Events;

/// <summary>
/// The plain view: every log line prefixed with <c>[Stage/Job]</c> (the stage left out for the implicit
/// one), record starts and ends, issues, and a closing result line. Buffered; flushed when a record
/// changes and by <see cref="Flush"/>, so a million lines do not mean a million writes.
/// </summary>
internal sealed class PlainTextSink : IRunEventSink, IDisposable
{
    private const int FlushAt = 32 * 1024;
    private readonly Lock _lock = new();
    private readonly System.Text.StringBuilder _pending = new(FlushAt * 2);
    private readonly TextWriter _writer;
    private readonly bool _showDebug;
    private readonly ITimer _timer;

    /// <param name="writer">Where lines go; written in large pieces, at least every 200 ms while lines arrive.</param>
    public PlainTextSink(TextWriter writer, bool showDebug = true, TimeProvider? time = null)
    {
        _writer = writer;
        _showDebug = showDebug;
        _timer = (time ?? TimeProvider.System).CreateTimer(_ => Flush(), null, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200));
    }

    public void OnLogLine(in LogLine line)
    {
        if (line.Kind == LogLineKind.Debug && !_showDebug)
        {
            return;
        }

        var prefix = Prefix(line.Node);
        var marker = line.Kind switch
        {
            LogLineKind.Warning => "warning: ",
            LogLineKind.Error => "error: ",
            LogLineKind.Debug => "debug: ",
            LogLineKind.Command => "> ",
            LogLineKind.Group => "▸ ",
            LogLineKind.Section => "== ",
            _ => string.Empty,
        };
        if (line.Kind == LogLineKind.EndGroup)
        {
            return;
        }

        lock (_lock)
        {
            _pending.Append(prefix).Append(marker).Append(line.Text).Append('\n');
            if (_pending.Length >= FlushAt)
            {
                WritePending();
            }
        }
    }

    public void OnEvent(RunEvent runEvent)
    {
        var text = runEvent switch
        {
            RunStarted s => $"Run {s.RunId.ToString(CultureInfo.InvariantCulture)} ({s.BuildNumber}) of {s.PipelinePath}",
            RecordStarted { Node.Kind: not RecordKind.Step } s when !IsImplicitStage(s.Node) => $"{Prefix(s.Node)}started",
            RecordCompleted c when !IsImplicitStage(c.Node) && (c.Node.Kind != RecordKind.Step || c.Result is not RunResult.Succeeded) => Completed(c),
            IssueRaised i when i.Node is not { Kind: RecordKind.Step } => $"{(i.Node is null ? string.Empty : Prefix(i.Node))}{(i.Type == IssueType.Error ? "error" : "warning")}: {Where(i)}{i.Message}",
            RunCompleted c => $"Run {c.RunId.ToString(CultureInfo.InvariantCulture)} {c.Result} in {Duration(c.Duration)}.",
            _ => null,
        };
        if (text is null)
        {
            return;
        }

        lock (_lock)
        {
            _pending.Append(text).Append('\n');
            WritePending();
        }
    }

    public void Flush()
    {
        lock (_lock)
        {
            WritePending();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Flush();
    }

    private void WritePending()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        try
        {
            _writer.Write(_pending);
            _writer.Flush();
        }
        catch (IOException)
        {
            // The console went away (closed pipe); the run goes on and its logs are still stored.
        }

        _pending.Clear();
    }

    private static bool IsImplicitStage(TimelineNode node) => node.Kind == RecordKind.Stage && node.Name == "__default";

    private static string Completed(RecordCompleted c)
    {
        var what = c.Node.Kind == RecordKind.Step ? c.Node.DisplayName + ": " : string.Empty;
        var reason = c.Reason is null ? string.Empty : $" ({c.Reason})";
        var duration = c.Result == RunResult.Skipped ? string.Empty : $" in {Duration(c.Duration)}";
        return $"{Prefix(c.Node)}{what}{c.Result}{duration}{reason}";
    }

    private static string Where(IssueRaised i) => i.File is null
        ? string.Empty
        : $"{i.File}({(i.Line ?? 0).ToString(CultureInfo.InvariantCulture)},{(i.Column ?? 0).ToString(CultureInfo.InvariantCulture)}): ";

    private static string Duration(TimeSpan d) => d.TotalSeconds < 60
        ? d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s"
        : $"{(int)d.TotalMinutes}m{d.Seconds.ToString("00", CultureInfo.InvariantCulture)}s";

    /// <summary><c>[Stage/Job] </c>; the implicit stage is left out.</summary>
    public static string Prefix(TimelineNode node)
    {
        var stage = node.Stage;
        var job = node.Job;
        var stageName = stage.Name == "__default" ? null : stage.DisplayName;
        return (stageName, job) switch
        {
            (null, null) => string.Empty,
            (null, { } j) => $"[{j.DisplayName}] ",
            ({ } s, null) => $"[{s}] ",
            ({ } s, { } j) => $"[{s}/{j.DisplayName}] ",
        };
    }
}
