using System.Buffers;
using System.Text;
using System.Threading.Channels;

namespace Slipway.Core.Execution.Processes;

/// <summary>Reads one pipe to its end: bytes → UTF-8 (invalid bytes become U+FFFD) → lines → channel.</summary>
internal static class OutputPump
{
    // One byte short of 32 KiB: the decoded characters then fit in 32 Ki chars, a pooled 64 KB array (a byte more
    // and the pool hands out 128 KB arrays, allocated on the large object heap whenever its cache misses).
    private const int ReadBufferSize = (32 * 1024) - 1;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static async Task RunAsync(
        Stream source, OutputStream stream, int maxLineLength, ChannelWriter<OutputLine> sink, CancellationToken cancellationToken)
    {
        var decoder = Utf8.GetDecoder();
        var splitter = new LineSplitter(maxLineLength);
        // Pooled: two pumps per process, and most steps print little (a new 96 KB pair per pipe was most
        // of what a no-op job allocated).
        var bytes = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        var chars = ArrayPool<char>.Shared.Rent(Utf8.GetMaxCharCount(ReadBufferSize));
        var lines = new List<string>();
        try
        {
            int read;
            while ((read = await source.ReadAsync(bytes.AsMemory(0, ReadBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                splitter.Push(chars.AsSpan(0, count), lines);
                await FlushAsync(lines, stream, sink, cancellationToken).ConfigureAwait(false);
            }

            var tail = decoder.GetChars([], 0, 0, chars, 0, flush: true);
            splitter.Push(chars.AsSpan(0, tail), lines);
            splitter.Complete(lines);
            await FlushAsync(lines, stream, sink, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Reading was abandoned on purpose (background processes kept the pipe open, or the consumer failed).
        }
        catch (ObjectDisposedException)
        {
            // The pipe was closed under us while abandoning it.
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static async ValueTask FlushAsync(
        List<string> lines, OutputStream stream, ChannelWriter<OutputLine> sink, CancellationToken cancellationToken)
    {
        foreach (var line in lines)
        {
            await sink.WriteAsync(new OutputLine(stream, line), cancellationToken).ConfigureAwait(false);
        }

        lines.Clear();
    }
}
