using Slipway.Core.Runtime.Services;

namespace Slipway.Core.Runtime.Caching;

/// <summary><see cref="ICacheStore"/> over the user's <see cref="CacheStore"/>. Keys arrive resolved, segments joined with <c>|</c>.</summary>
internal sealed class RunCacheStore : ICacheStore
{
    public RunCacheStore(CacheStore store, string? limitWarning = null)
    {
        Store = store;
        LimitWarning = limitWarning;
    }

    public CacheStore Store { get; }

    /// <summary>Why the configured size limit was not used (an unreadable <c>SLIPWAY_CACHE_MAX_SIZE</c>); shown after each save.</summary>
    public string? LimitWarning { get; }

    public Task<CacheRestoreResult> RestoreAsync(string key, IReadOnlyList<string> restoreKeys, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(restoreKeys);
        return Task.Run(
            () => Tasks.TaskIo.Guard(
                () =>
                {
                    var (entry, hit) = Store.LookupAndRestore(Parse(key), [.. restoreKeys.Select(Parse)], path);
                    if (entry is null)
                    {
                        return CacheRestoreResult.Miss;
                    }

                    return new CacheRestoreResult(entry.Key, hit == CacheHit.Exact, null);
                },
                error => new CacheRestoreResult(null, false, $"Restoring the cache failed: {error}")),
            cancellationToken);
    }

    public Task<CacheSaveResult> SaveAsync(string key, string path, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(path))
        {
            return Task.FromResult(new CacheSaveResult(false, $"The path '{path}' does not exist: nothing to cache."));
        }

        return Task.Run(
            () => Tasks.TaskIo.Guard(
                () => Store.Save(Parse(key), path)
                    ? new CacheSaveResult(true, Join($"Cache saved with key: {key}", Evicted(Store.Evict()), LimitWarning))
                    : new CacheSaveResult(false, $"A cache with key '{key}' exists already: not saved again (caches are immutable)."),
                error => new CacheSaveResult(false, $"Saving the cache failed: {error}")),
            cancellationToken);
    }

    private string? Evicted(IReadOnlyList<string> keys) => keys.Count == 0 ? null
        : $"The cache folder was over its size limit ({Store.MaxSize} bytes): evicted {keys.Count} least recently used key(s): {string.Join(", ", keys)}";

    private static string Join(params string?[] lines) => string.Join(Environment.NewLine, lines.OfType<string>());

    private static CacheKey Parse(string key) => new([.. key.Split('|').Select(s => s.Trim())]);
}
