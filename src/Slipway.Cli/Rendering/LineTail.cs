namespace Slipway.Cli.Rendering;

/// <summary>
/// The last few lines of a job for the live view. Writers (the job's output threads) store a
/// reference into a ring: one interlocked increment and one array write, no lock and no allocation.
/// The render loop reads a snapshot ten times a second; a line overwritten while it reads is simply
/// the newer line, which is what the view wants to show anyway.
/// </summary>
internal sealed class LineTail
{
    private readonly string?[] _ring;
    private readonly int _mask;
    private long _count;

    /// <param name="capacity">Rounded up to a power of two.</param>
    public LineTail(int capacity = 8)
    {
        var size = 1;
        while (size < Math.Max(1, capacity))
        {
            size <<= 1;
        }

        _ring = new string?[size];
        _mask = size - 1;
    }

    /// <summary>Every line ever added (for "N lines" counters).</summary>
    public long Count => Interlocked.Read(ref _count);

    public void Add(string line)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        Volatile.Write(ref _ring[index & _mask], line);
    }

    /// <summary>Up to <paramref name="max"/> most recent lines, oldest first.</summary>
    public IReadOnlyList<string> Last(int max)
    {
        var count = Count;
        var take = (int)Math.Min(Math.Min(max, _ring.Length), count);
        var lines = new List<string>(take);
        for (var i = count - take; i < count; i++)
        {
            if (Volatile.Read(ref _ring[i & _mask]) is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
