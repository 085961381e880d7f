using System.Text;
using Slipway.Core.Diagnostics;

namespace Slipway.Core.Execution.Output;

/// <summary>Receives lines that are already masked. A sink never throws for I/O trouble: it reports
/// the problem once in <see cref="Problems"/> and drops what follows.</summary>
internal interface ILogSink
{
    IReadOnlyList<Diagnostic> Problems { get; }

    void WriteLine(string line);

    /// <summary>Writes out buffered lines (at step end).</summary>
    void Flush();
}

/// <summary>The per-step log file: buffered, flushed when the step ends.</summary>
internal sealed class FileLogSink : ILogSink, IDisposable
{
    // 8K chars: the writer's char buffer and its byte buffer (3 bytes a char) stay off the large object
    // heap; a 64K buffer put about 200 KB there for every step, and the GC ran a full collection every
    // dozen jobs. The writer is made at the first line: many steps print nothing.
    private const int BufferSize = 8 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string _name;
    private readonly List<Diagnostic> _problems = [];
    private Stream? _stream;
    private StreamWriter? _writer;

    /// <param name="stream">The file (or any stream: the seam tests use to simulate a full disk).</param>
    /// <param name="name">Shown in the problem message, usually the file path.</param>
    public FileLogSink(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _name = name;
        _stream = stream;
    }

    public IReadOnlyList<Diagnostic> Problems => _problems;

    public bool Failed => _stream is null && _problems.Count > 0;

    public static FileLogSink Create(string path) =>
        new(NewFiles.Open(path), path);

    public void WriteLine(string line) => Guard(w => w.WriteLine(line));

    public void Flush()
    {
        if (_writer is not null)
        {
            Guard(w => w.Flush());
        }
    }

    public void Dispose()
    {
        Flush();
        CloseQuietly();
    }

    private void Guard(Action<StreamWriter> action)
    {
        if (_stream is not { } stream)
        {
            return;
        }

        var writer = _writer ??= new StreamWriter(stream, Utf8, BufferSize) { NewLine = "\n" };

        try
        {
            action(writer);
        }
        catch (IOException ex)
        {
            _problems.Add(Diagnostic.Warning(
                ExecutionDiagnosticCodes.LogWriteFailed,
                $"Writing the log '{_name}' failed: {ex.Message} Output after this point is missing from that log; the step goes on.",
                new SourceLocation(_name, 0, 0)));
            CloseQuietly();
        }
    }

    private void CloseQuietly()
    {
        var stream = _stream;
        _stream = null;
        _writer = null;
        try
        {
            stream?.Dispose();
        }
        catch (IOException)
        {
            // The stream already failed; the problem is reported.
        }
    }
}

/// <summary>Writes masked lines to a console (or any <see cref="TextWriter"/>).</summary>
internal sealed class ConsoleLogSink(TextWriter writer) : ILogSink
{
    private readonly List<Diagnostic> _problems = [];
    private bool _failed;

    public IReadOnlyList<Diagnostic> Problems => _problems;

    public void WriteLine(string line) => Guard(() => writer.WriteLine(line));

    public void Flush() => Guard(writer.Flush);

    private void Guard(Action action)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            action();
        }
        catch (IOException ex)
        {
            _failed = true;
            _problems.Add(Diagnostic.Warning(ExecutionDiagnosticCodes.LogWriteFailed, $"Writing to the console failed: {ex.Message}", SourceLocation.None));
        }
    }
}
