using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Core.Runtime.Caching;

/// <summary>How a restore went: exact key, a restore-key fallback (inexact), or nothing.</summary>
internal enum CacheHit
{
    None,
    Inexact,
    Exact,
}

/// <summary>One saved cache: its key, the content blob and when it was saved.</summary>
internal sealed record CacheEntry(string Key, IReadOnlyList<string> Segments, string Blob, DateTimeOffset Created);

/// <summary>Source-generated (trimming- and Native AOT-safe) serializer for the key files.</summary>
[JsonSerializable(typeof(CacheEntry))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;

/// <summary>
/// A content-addressed cache in a user folder (<c>~/.cache/slipway/cache</c>, or
/// <c>SLIPWAY_CACHE_DIR</c>): <c>blobs/&lt;sha256&gt;</c> hold tar.gz archives of cached folders and
/// <c>keys/&lt;sha256 of key&gt;.json</c> point keys at blobs. Everything is written to a private temporary
/// file and renamed into place; a key, once saved, is never replaced (as in Azure), so concurrent
/// jobs saving the same key simply keep the first one. The folder is kept under <see cref="MaxSize"/>: after a
/// save, least recently used keys are evicted (<see cref="Evict"/>); <see cref="CacheLock"/> makes this safe
/// with concurrent jobs and processes.
/// </summary>
internal sealed partial class CacheStore
{
    private readonly TimeProvider _time;

    public CacheStore(string root, TimeProvider time, long maxSize = CacheSizeLimit.Default)
    {
        Root = Path.GetFullPath(root);
        _time = time;
        MaxSize = maxSize;
    }

    public string Root { get; }

    /// <summary>The most bytes the blobs may take after a save (<c>SLIPWAY_CACHE_MAX_SIZE</c>, 10 GiB by default).</summary>
    public long MaxSize { get; }

    private string Blobs => Path.Combine(Root, "blobs");

    private string Keys => Path.Combine(Root, "keys");

    private string Temp => Path.Combine(Root, "tmp");

    /// <summary>The cache folder: <c>SLIPWAY_CACHE_DIR</c> when set, else <c>$XDG_CACHE_HOME/slipway/cache</c> or <c>~/.cache/slipway/cache</c>.</summary>
    public static string DefaultRoot(Func<string, string?> environment)
    {
        if (environment("SLIPWAY_CACHE_DIR") is { Length: > 0 } explicitRoot)
        {
            return explicitRoot;
        }

        var baseDir = environment("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(baseDir, "slipway", "cache");
    }

    public CacheEntry? Find(CacheKey key) => Read(KeyFile(key.Text));

    /// <summary>The exact entry, else the newest entry whose key starts with a restore key (tried in order).</summary>
    public (CacheEntry? Entry, CacheHit Hit) Lookup(CacheKey key, IReadOnlyList<CacheKey> restoreKeys)
    {
        if (Find(key) is { } exact)
        {
            return (exact, CacheHit.Exact);
        }

        if (restoreKeys.Count == 0 || !Directory.Exists(Keys))
        {
            return (null, CacheHit.None);
        }

        var all = Directory.EnumerateFiles(Keys, "*.json").Select(Read).OfType<CacheEntry>().ToList();
        foreach (var prefix in restoreKeys)
        {
            var match = all.Where(e => new CacheKey(e.Segments).StartsWith(prefix)).MaxBy(e => e.Created);
            if (match is not null)
            {
                return (match, CacheHit.Inexact);
            }
        }

        return (null, CacheHit.None);
    }

    /// <summary>Looks a key up and extracts the entry into <paramref name="path"/> under the shared lock, marking it used.</summary>
    public (CacheEntry? Entry, CacheHit Hit) LookupAndRestore(CacheKey key, IReadOnlyList<CacheKey> restoreKeys, string path)
    {
        using var shared = CacheLock.Shared(Root);
        var (entry, hit) = Lookup(key, restoreKeys);
        if (entry is not null)
        {
            Restore(entry, path);
            Touch(entry);
        }

        return (entry, hit);
    }

    /// <summary>Extracts an entry's content into <paramref name="path"/> (created when missing).</summary>
    public void Restore(CacheEntry entry, string path)
    {
        Directory.CreateDirectory(path);
        using var input = File.OpenRead(Path.Combine(Blobs, entry.Blob));
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        TarFile.ExtractToDirectory(gzip, path, overwriteFiles: true);
    }

    /// <summary>Saves <paramref name="path"/> under <paramref name="key"/>; false when the key already existed.</summary>
    public bool Save(CacheKey key, string path)
    {
        using var shared = CacheLock.Shared(Root);
        if (Find(key) is not null)
        {
            return false;
        }

        Directory.CreateDirectory(Blobs);
        Directory.CreateDirectory(Keys);
        Directory.CreateDirectory(Temp);
        var blob = WriteBlob(path);
        var entry = new CacheEntry(key.Text, key.Segments, blob, _time.GetUtcNow());
        var temp = Path.Combine(Temp, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(temp, Serialize(entry));
        using (CacheLock.KeyCommit(Root))
        {
            if (File.Exists(KeyFile(key.Text)))
            {
                File.Delete(temp);
                return false;
            }

            File.Move(temp, KeyFile(key.Text), overwrite: false);
        }

        Touch(entry);
        return true;
    }

    private string WriteBlob(string path)
    {
        var temp = Path.Combine(Temp, Guid.NewGuid().ToString("N") + ".tar.gz");
        using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            TarFile.CreateFromDirectory(path, gzip, includeBaseDirectory: false);
        }

        string hash;
        using (var stream = File.OpenRead(temp))
        {
            hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        var target = Path.Combine(Blobs, hash);
        if (File.Exists(target))
        {
            File.Delete(temp);
        }
        else
        {
            File.Move(temp, target, overwrite: true);
        }

        return hash;
    }

    private string KeyFile(string key) =>
        Path.Combine(Keys, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".json");

    private static CacheEntry? Read(string file)
    {
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize(File.ReadAllText(file), CacheJsonContext.Default.CacheEntry) : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }
}
