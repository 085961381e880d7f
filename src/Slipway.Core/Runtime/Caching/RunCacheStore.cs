using Slipway.Core.Runtime.Services;

namespace Slipway.Core.Runtime.Caching;

/// <summary><see cref="ICacheStore"/> over the user's <see cref="CacheStore"/>. Keys arrive resolved, segments joined with <c>|</c>.</summary>
internal sealed class RunCacheStore : ICacheStore
{
    public RunCacheStore(CacheStore store)
    {
        Store = store;
    }

    public CacheStore Store { get; }

    public Task<CacheRestoreResult> RestoreAsync(string key, IReadOnlyList<string> restoreKeys, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(restoreKeys);
        return Task.Run(
            () => Tasks.TaskIo.Guard(
                () =>
                {
                    var (entry, hit) = Store.Lookup(Parse(key), [.. restoreKeys.Select(Parse)]);
                    if (entry is null)
                    {
                        return CacheRestoreResult.Miss;
                    }

                    Store.Restore(entry, path);
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
                    ? new CacheSaveResult(true, $"Cache saved with key: {key}")
                    : new CacheSaveResult(false, $"A cache with key '{key}' exists already: not saved again (caches are immutable)."),
                error => new CacheSaveResult(false, $"Saving the cache failed: {error}")),
            cancellationToken);
    }

    private static CacheKey Parse(string key) => new([.. key.Split('|').Select(s => s.Trim())]);
}
