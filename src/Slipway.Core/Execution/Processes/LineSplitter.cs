namespace Slipway.Core.Execution.Processes;

/// <summary>
/// Cuts decoded output into lines the way <see cref="StreamReader.ReadLine"/> does (LF, CR or CRLF end
/// a line) but incrementally and in linear time; a line longer than the cap is emitted in pieces.
/// </summary>
internal sealed class LineSplitter
{
    private const int InitialCapacity = 256;
    private const int RetainedCapacity = 64 * 1024;
    private readonly int _maxLineLength;
    private char[] _buffer = new char[InitialCapacity];
    private int _length;
    private bool _pendingCr;

    public LineSplitter(int maxLineLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        _maxLineLength = maxLineLength;
    }

    public void Push(ReadOnlySpan<char> chars, List<string> lines)
    {
        if (_pendingCr && chars.Length > 0)
        {
            _pendingCr = false;
            if (chars[0] == '\n')
            {
                chars = chars[1..];
            }
        }

        while (chars.Length > 0)
        {
            var idx = chars.IndexOfAny('\r', '\n');
            Append(idx < 0 ? chars : chars[..idx], lines);
            if (idx < 0)
            {
                return;
            }

            Emit(lines);
            if (chars[idx] == '\r')
            {
                if (idx + 1 == chars.Length)
                {
                    _pendingCr = true;
                }
                else if (chars[idx + 1] == '\n')
                {
                    idx++;
                }
            }

            chars = chars[(idx + 1)..];
        }
    }

    /// <summary>End of input: a last line without terminator is emitted.</summary>
    public void Complete(List<string> lines)
    {
        if (_length > 0)
        {
            Emit(lines);
        }
    }

    private void Append(ReadOnlySpan<char> piece, List<string> lines)
    {
        while (piece.Length > 0)
        {
            var room = _maxLineLength - _length;
            if (room == 0)
            {
                Emit(lines);
                room = _maxLineLength;
            }

            var take = Math.Min(room, piece.Length);
            EnsureCapacity(_length + take);
            piece[..take].CopyTo(_buffer.AsSpan(_length));
            _length += take;
            piece = piece[take..];
        }
    }

    private void EnsureCapacity(int needed)
    {
        if (needed > _buffer.Length)
        {
            var size = Math.Min(Math.Max(needed, _buffer.Length * 2), _maxLineLength);
            Array.Resize(ref _buffer, Math.Max(size, needed));
        }
    }

    private void Emit(List<string> lines)
    {
        lines.Add(new string(_buffer, 0, _length));
        _length = 0;
        if (_buffer.Length > RetainedCapacity)
        {
            _buffer = new char[InitialCapacity];
        }
    }
}
