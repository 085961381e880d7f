using System.Collections.Concurrent;
using Slipway.Core.Diagnostics;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Reporting;

namespace Slipway.Cli.Rendering;

/// <summary>
/// The line log for CI and pipes: one line per output line, prefixed <c>[Stage/Job]</c> (<c>[Job]</c>
/// when the pipeline has no stages, only the implicit one), decorations kept as Azure's raw log has them
/// (<c>##[section]</c>, <c>##[group]</c>, <c>##[error]</c>...). Each job appends to its own buffer,
/// so jobs never contend with each other; buffers go to the writer at step boundaries, when they grow
/// large, and at least every 100 ms.
/// </summary>
internal sealed partial class PlainLogSink : IRunEventSink, IDisposable
{
    private const int ChunkSize = 32 * 1024;
    private readonly TextWriter _out;
    private readonly Lock _outLock = new();
    private readonly ConcurrentDictionary<TimelineNode, JobBuffer> _buffers = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<TimelineNode, JobBuffer> _byValue = new();
    private readonly ITimer _timer;
    private readonly List<Diagnostic> _problems = [];
    private bool _failed;

    public PlainLogSink(TextWriter output, TimeProvider time, TimeSpan? flushInterval = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        _out = output;
        var interval = flushInterval ?? TimeSpan.FromMilliseconds(100);
        _timer = time.CreateTimer(_ => FlushAll(), null, interval, interval);
    }

    /// <summary>Trouble writing the console (a closed pipe, a full disk): reported once, output after it is dropped.</summary>
    public IReadOnlyList<Diagnostic> Problems
    {
        get
        {
            lock (_outLock)
            {
                return [.. _problems];
            }
        }
    }

    public void OnLogLine(in LogLine line)
    {
        if (!_buffers.TryGetValue(line.Node, out var buffer))
        {
            buffer = BufferFor(line.Node);
        }

        buffer.Append(Tag(line.Kind), line.Text);
    }

    /// <summary>Writes every buffered line out now.</summary>
    public void FlushAll()
    {
        foreach (var buffer in _buffers.Values.Distinct())
        {
            buffer.Flush();
        }

        WriteOut(static w => w.Flush());
    }

    public void Dispose()
    {
        _timer.Dispose();
        FlushAll();
    }

    internal static string Tag(LogLineKind kind) => kind switch
    {
        LogLineKind.Command => "##[command]",
        LogLineKind.Group => "##[group]",
        LogLineKind.EndGroup => "##[endgroup]",
        LogLineKind.Warning => "##[warning]",
        LogLineKind.Error => "##[error]",
        LogLineKind.Debug => "##[debug]",
        LogLineKind.Section => "##[section]",
        _ => string.Empty,
    };

    /// <summary>The buffer of the job a node belongs to (the stage's own for stage-level lines), by reference after the first look-up.</summary>
    private JobBuffer BufferFor(TimelineNode node)
    {
        var owner = node.Job ?? node.Stage;
        var buffer = _byValue.GetOrAdd(owner, o => new JobBuffer(this, Prefix(o)));
        _buffers.TryAdd(node, buffer);
        return buffer;
    }

    private static string Prefix(TimelineNode owner)
    {
        if (owner.Kind == RecordKind.Stage)
        {
            return "[" + owner.DisplayName + "] ";
        }

        var stage = owner.Stage;
        return IsImplicit(stage) ? "[" + owner.DisplayName + "] " : "[" + stage.DisplayName + "/" + owner.DisplayName + "] ";
    }

    private static bool IsImplicit(TimelineNode stage) => stage.Name.StartsWith("__", StringComparison.Ordinal);

    private void WriteOut(Action<TextWriter> write)
    {
        lock (_outLock)
        {
            if (_failed)
            {
                return;
            }

            try
            {
                write(_out);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                _failed = true;
                _problems.Add(Diagnostic.Warning(ReportingDiagnosticCodes.ConsoleWriteFailed, $"Writing the run's output failed: {e.Message} The run goes on; its logs are kept in the run store.", SourceLocation.None));
            }
        }
    }

    /// <summary>One job's pending lines. Its lock is taken by the job's own threads and, briefly, by the flush timer.</summary>
    private sealed class JobBuffer(PlainLogSink sink, string prefix)
    {
        private readonly System.Text.StringBuilder _text = new(1024);
        private readonly Lock _lock = new();

        public string Prefix { get; } = prefix;

        public void Append(string tag, string text)
        {
            lock (_lock)
            {
                _text.Append(Prefix).Append(tag).Append(text).Append('\n');
                if (_text.Length >= ChunkSize)
                {
                    FlushLocked();
                }
            }
        }

        public void Flush()
        {
            lock (_lock)
            {
                FlushLocked();
            }
        }

        private void FlushLocked()
        {
            if (_text.Length == 0)
            {
                return;
            }

            sink.WriteOut(w => w.Write(_text));
            _text.Clear();
        }
    }
}
