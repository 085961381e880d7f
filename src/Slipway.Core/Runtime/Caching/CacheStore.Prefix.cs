namespace Slipway.Core.Runtime.Caching;

internal sealed partial class CacheStore
{
    /// <summary>
    /// String keys under a scope (GitHub's <c>actions/cache</c>): an entry is <c>[..scope, key]</c>. The exact key,
    /// else for each prefix in order the most recently created entry of the scope whose key starts with it
    /// (ordinal; ties go to the smallest key, so the answer is stable). Read under the shared lock.
    /// </summary>
    public (CacheEntry? Entry, CacheHit Hit) LookupPrefix(CacheKey scope, string key, IReadOnlyList<string> prefixes)
    {
        using var shared = CacheLock.Shared(Root);
        if (Find(new CacheKey([.. scope.Segments, key])) is { } exact)
        {
            return (exact, CacheHit.Exact);
        }

        if (prefixes.Count == 0 || !Directory.Exists(Keys))
        {
            return (null, CacheHit.None);
        }

        var count = scope.Segments.Count;
        var candidates = Directory.EnumerateFiles(Keys, "*.json").Select(Read).OfType<CacheEntry>()
            .Where(e => e.Segments.Count == count + 1 && e.Segments.Take(count).SequenceEqual(scope.Segments, StringComparer.Ordinal))
            .OrderByDescending(e => e.Created).ThenBy(e => e.Segments[count], StringComparer.Ordinal)
            .ToList();
        foreach (var prefix in prefixes)
        {
            if (candidates.FirstOrDefault(e => e.Segments[count].StartsWith(prefix, StringComparison.Ordinal)) is { } match)
            {
                return (match, CacheHit.Inexact);
            }
        }

        return (null, CacheHit.None);
    }

    /// <summary>Extracts the entry of exactly this key into <paramref name="path"/> and marks it used; false when it is gone.</summary>
    public bool TryRestore(CacheKey key, string path)
    {
        using var shared = CacheLock.Shared(Root);
        if (Find(key) is not { } entry)
        {
            return false;
        }

        Restore(entry, path);
        Touch(entry);
        return true;
    }
}
