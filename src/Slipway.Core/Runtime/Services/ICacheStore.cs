namespace Slipway.Core.Runtime.Services;

/// <summary>Restore result: <see cref="MatchedKey"/> is the key found (exact or a restore key prefix), null on a miss.</summary>
internal sealed record CacheRestoreResult(string? MatchedKey, bool IsExactHit, string? Error)
{
    public static CacheRestoreResult Miss { get; } = new(null, false, null);
}

internal sealed record CacheSaveResult(bool Saved, string? Message);

/// <summary>An entry <see cref="ICacheStore.LookupAsync"/> found: its key, and whether it is the primary key.</summary>
internal sealed record CacheMatch(string Key, bool IsExact);

/// <summary>
/// Content-addressed cache in a user folder (Cache@2). Keys arrive already resolved (file hashes
/// computed, segments joined with <c>|</c>) by the task. Safe under concurrent jobs and runs.
/// Implemented by the tasks helper.
/// </summary>
internal interface ICacheStore
{
    /// <summary>Restores into <paramref name="path"/>: the exact key first, then each restore key as a prefix (newest wins).</summary>
    Task<CacheRestoreResult> RestoreAsync(string key, IReadOnlyList<string> restoreKeys, string path, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="path"/> under <paramref name="key"/> unless that key exists already (caches are immutable).</summary>
    Task<CacheSaveResult> SaveAsync(string key, string path, CancellationToken cancellationToken);

    /// <summary>
    /// String keys within a <paramref name="scope"/> (GitHub's cache version: the paths): the exact key, else for each
    /// restore key in order the most recently created entry whose key starts with it (ordinal). Null on a miss.
    /// </summary>
    Task<CacheMatch?> LookupAsync(string scope, string key, IReadOnlyList<string> restoreKeys, CancellationToken cancellationToken);

    /// <summary>Extracts the entry <paramref name="key"/> of <paramref name="scope"/> into <paramref name="path"/>; a miss when it is gone (evicted).</summary>
    Task<CacheRestoreResult> RestoreEntryAsync(string scope, string key, string path, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="path"/> as the entry <paramref name="key"/> of <paramref name="scope"/> unless it exists already.</summary>
    Task<CacheSaveResult> SaveEntryAsync(string scope, string key, string path, CancellationToken cancellationToken);
}
