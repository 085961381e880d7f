namespace Slipway.Core.Runtime.Services;

/// <summary>Restore result: <see cref="MatchedKey"/> is the key found (exact or a restore key prefix), null on a miss.</summary>
internal sealed record CacheRestoreResult(string? MatchedKey, bool IsExactHit, string? Error)
{
    public static CacheRestoreResult Miss { get; } = new(null, false, null);
}

internal sealed record CacheSaveResult(bool Saved, string? Message);

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
}
