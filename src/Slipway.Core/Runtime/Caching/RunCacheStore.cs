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

    public Task<CacheMatch?> LookupAsync(string scope, string key, IReadOnlyList<string> restoreKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(restoreKeys);
        return Task.Run(
            () =>
            {
                var (entry, hit) = Store.LookupPrefix(Scope(scope), key, restoreKeys);
                return entry is null ? null : new CacheMatch(entry.Segments[^1], hit == CacheHit.Exact);
            },
            cancellationToken);
    }

    public Task<CacheRestoreResult> RestoreEntryAsync(string scope, string key, string path, CancellationToken cancellationToken) =>
        Task.Run(
            () => Tasks.TaskIo.Guard(
                () => Store.TryRestore(new CacheKey([.. Scope(scope).Segments, key]), path) ? new CacheRestoreResult(key, false, null) : CacheRestoreResult.Miss,
                error => new CacheRestoreResult(null, false, $"Restoring the cache failed: {error}")),
            cancellationToken);

    public Task<CacheSaveResult> SaveEntryAsync(string scope, string key, string path, CancellationToken cancellationToken) =>
        Task.Run(
            () => Tasks.TaskIo.Guard(
                () => Store.Save(new CacheKey([.. Scope(scope).Segments, key]), path)
                    ? new CacheSaveResult(true, Join($"Cache saved with key: {key}", Evicted(Store.Evict()), LimitWarning))
                    : new CacheSaveResult(false, null),
                error => new CacheSaveResult(false, $"Saving the cache failed: {error}")),
            cancellationToken);

    /// <summary>String-keyed entries live under their own first segment, apart from Cache@2's keys.</summary>
    private static CacheKey Scope(string scope) => new(["github-actions-cache", scope]);

    private string? Evicted(IReadOnlyList<string> keys) => keys.Count == 0 ? null
        : $"The cache folder was over its size limit ({Store.MaxSize} bytes): evicted {keys.Count} least recently used key(s): {string.Join(", ", keys)}";

    private static string Join(params string?[] lines) => string.Join(Environment.NewLine, lines.OfType<string>());

    private static CacheKey Parse(string key) => new([.. key.Split('|').Select(s => s.Trim())]);
}
