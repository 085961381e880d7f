using Slipway.Core.Yaml;

namespace Slipway.Core.Expressions.Values;

/// <summary>An ordered list of values. <see cref="IsFiltered"/> marks the result of a <c>*</c> filter.</summary>
internal sealed class ArrayValue(IReadOnlyList<ExpressionValue> items, YamlNode? source = null, bool isFiltered = false)
    : ExpressionValue
{
    public static readonly ArrayValue Empty = new([]);

    public IReadOnlyList<ExpressionValue> Items { get; } = items;

    /// <summary>The YAML sequence this array came from, or null.</summary>
    public YamlNode? Source { get; } = source;

    public bool IsFiltered { get; } = isFiltered;

    public int Count => Items.Count;

    public override ValueKind Kind => ValueKind.Array;
}

/// <summary>A mapping with case-insensitive keys that keeps insertion order; a repeated key replaces the earlier value in place.</summary>
internal sealed class ObjectValue : ExpressionValue
{
    private readonly List<KeyValuePair<string, ExpressionValue>> _entries;
    private readonly Dictionary<string, int> _index;

    public ObjectValue(IEnumerable<KeyValuePair<string, ExpressionValue>> entries, YamlNode? source = null)
    {
        Source = source;
        var count = entries.TryGetNonEnumeratedCount(out var known) ? known : 0;
        _entries = new(count);
        _index = new(count, StringComparer.OrdinalIgnoreCase);
        AddAll(entries);
    }

    // A copy of another object's entries and index (no key hashed again), then more entries.
    private ObjectValue(ObjectValue copy, IEnumerable<KeyValuePair<string, ExpressionValue>> more)
    {
        Source = copy.Source;
        _entries = new(copy._entries.Count + (more.TryGetNonEnumeratedCount(out var known) ? known : 0));
        _entries.AddRange(copy._entries);
        _index = new(copy._index, StringComparer.OrdinalIgnoreCase);
        AddAll(more);
    }

    /// <summary>This object's entries followed by <paramref name="more"/> (a key already here takes the new value in its place).</summary>
    public ObjectValue With(IEnumerable<KeyValuePair<string, ExpressionValue>> more) => new(this, more);

    private void AddAll(IEnumerable<KeyValuePair<string, ExpressionValue>> entries)
    {
        foreach (var (key, value) in entries)
        {
            if (_index.TryGetValue(key, out var at))
            {
                _entries[at] = new(_entries[at].Key, value);
            }
            else
            {
                _index[key] = _entries.Count;
                _entries.Add(new(key, value));
            }
        }
    }

    public static ObjectValue Empty { get; } = new([]);

    /// <summary>The YAML mapping this object came from, or null.</summary>
    public YamlNode? Source { get; }

    public IReadOnlyList<KeyValuePair<string, ExpressionValue>> Entries => _entries;

    public int Count => _entries.Count;

    public override ValueKind Kind => ValueKind.Object;

    public bool TryGetValue(string key, out ExpressionValue value)
    {
        if (_index.TryGetValue(key, out var at))
        {
            value = _entries[at].Value;
            return true;
        }

        value = Null;
        return false;
    }

    public ExpressionValue this[string key] => TryGetValue(key, out var value) ? value : Null;
}
