using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

/// <summary>The entries of a mapping being expanded, with a duplicate-key check that stays cheap for small mappings.</summary>
internal sealed class MappingBuilder(int capacity)
{
    private const int ScanLimit = 8;
    private HashSet<string>? _keys;

    public List<YamlEntry> Entries { get; } = new(capacity);

    public bool Contains(string key)
    {
        if (_keys is not null)
        {
            return _keys.Contains(key);
        }

        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the entry unless its key is already there.</summary>
    public bool TryAdd(YamlEntry entry)
    {
        if (Contains(entry.Key.Value))
        {
            return false;
        }

        Entries.Add(entry);
        if (_keys is not null)
        {
            _keys.Add(entry.Key.Value);
        }
        else if (Entries.Count > ScanLimit)
        {
            _keys = new HashSet<string>(Entries.Select(e => e.Key.Value), StringComparer.Ordinal);
        }

        return true;
    }

    public int IndexOf(string key) => Entries.FindIndex(e => string.Equals(e.Key.Value, key, StringComparison.Ordinal));
}
