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
    // Lines are encoded straight into one pooled 8 KB byte buffer, taken at the first line (many steps
    // print nothing). A StreamWriter allocated a 16 KB char buffer and a 24 KB byte buffer for every log,
    // two logs a job: most of what a no-op job allocated.
    private const int BufferSize = 8 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string _name;
    private readonly List<Diagnostic> _problems = [];
    private Stream? _stream;
    private byte[]? _buffer;
    private int _used;

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

    public void WriteLine(string line)
    {
        if (_stream is not { } stream)
        {
            return;
        }

        try
        {
            var buffer = _buffer ??= System.Buffers.ArrayPool<byte>.Shared.Rent(BufferSize);
            var most = Utf8.GetMaxByteCount(line.Length) + 1;
            if (_used + most > buffer.Length)
            {
                WriteBuffered(stream);
            }

            if (most > buffer.Length)
            {
                stream.Write(Utf8.GetBytes(line)); // a line longer than the buffer goes out on its own
                stream.WriteByte((byte)'\n');
                return;
            }

            _used += Utf8.GetBytes(line, buffer.AsSpan(_used));
            buffer[_used++] = (byte)'\n';
        }
        catch (IOException ex)
        {
            Fail(ex);
        }
    }

    public void Flush()
    {
        if (_stream is not { } stream || _used == 0)
        {
            return;
        }

        try
        {
            WriteBuffered(stream);
            stream.Flush();
        }
        catch (IOException ex)
        {
            Fail(ex);
        }
    }

    public void Dispose()
    {
        Flush();
        CloseQuietly();
    }

    private void WriteBuffered(Stream stream)
    {
        if (_used > 0)
        {
            var used = _used;
            _used = 0;
            stream.Write(_buffer!, 0, used);
        }
    }

    private void Fail(IOException ex)
    {
        _problems.Add(Diagnostic.Warning(
            ExecutionDiagnosticCodes.LogWriteFailed,
            $"Writing the log '{_name}' failed: {ex.Message} Output after this point is missing from that log; the step goes on.",
            new SourceLocation(_name, 0, 0)));
        CloseQuietly();
    }

    private void CloseQuietly()
    {
        var stream = _stream;
        _stream = null;
        _used = 0;
        if (_buffer is { } buffer)
        {
            _buffer = null;
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

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
