using System.Text.Json;

namespace Slipway.Core.Runtime.Caching;

internal sealed partial class CacheStore
{
    /// <summary>
    /// Evicts least recently used keys until the blobs take no more than <see cref="MaxSize"/> bytes (a key's
    /// file time is its last save or restore). Blobs no key points at are removed too. Holds the exclusive
    /// lock, so no save or restore is half done meanwhile. Returns the evicted keys.
    /// </summary>
    public IReadOnlyList<string> Evict()
    {
        using var exclusive = CacheLock.Exclusive(Root);
        if (!Directory.Exists(Keys) || !Directory.Exists(Blobs))
        {
            return [];
        }

        var keys = Directory.EnumerateFiles(Keys, "*.json")
            .Select(file => (File: file, Entry: Read(file), Used: File.GetLastWriteTimeUtc(file)))
            .Where(k => k.Entry is not null)
            .OrderBy(k => k.Used)
            .ToList();
        var references = keys.GroupBy(k => k.Entry!.Blob, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var sizes = Directory.EnumerateFiles(Blobs).ToDictionary(f => Path.GetFileName(f), f => new FileInfo(f).Length, StringComparer.Ordinal);
        foreach (var orphan in sizes.Keys.Where(b => !references.ContainsKey(b)).ToList())
        {
            TryDelete(Path.Combine(Blobs, orphan));
            sizes.Remove(orphan);
        }

        var total = sizes.Values.Sum();
        var evicted = new List<string>();
        foreach (var (file, entry, _) in keys)
        {
            if (total <= MaxSize)
            {
                break;
            }

            TryDelete(file);
            evicted.Add(entry!.Key);
            if (--references[entry.Blob] == 0 && sizes.Remove(entry.Blob, out var size))
            {
                TryDelete(Path.Combine(Blobs, entry.Blob));
                total -= size;
            }
        }

        return evicted;
    }

    /// <summary>Marks a key as used now (least recently used keys are evicted first).</summary>
    private void Touch(CacheEntry entry)
    {
        try
        {
            File.SetLastWriteTimeUtc(KeyFile(entry.Key), _time.GetUtcNow().UtcDateTime);
        }
        catch (IOException)
        {
            // Evicted meanwhile by another process: nothing to mark.
        }
    }

    /// <summary>Size in bytes of every blob in the cache.</summary>
    public long Size() => Directory.Exists(Blobs) ? Directory.EnumerateFiles(Blobs).Sum(f => new FileInfo(f).Length) : 0;

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Gone already or busy: the next eviction tries again.
        }
    }

    private static string Serialize(CacheEntry entry) => JsonSerializer.Serialize(entry, CacheJsonContext.Default.CacheEntry);
}
