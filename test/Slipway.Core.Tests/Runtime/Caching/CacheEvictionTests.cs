using System.Security.Cryptography;
using Slipway.Core.Runtime.Caching;
using Slipway.Core.Tests.Runtime.Tasks;

namespace Slipway.Core.Tests.Runtime.Caching;

/// <summary>The user cache's size limit: least recently used keys evicted after a save, safe with concurrent jobs.</summary>
public sealed class CacheEvictionTests
{
    private const int Payload = 32 * 1024;

    [Fact]
    public void TaskRef_Cache2_Eviction_LeastRecentlyUsedKeyGoesFirst_RestoreCountsAsUse()
    {
        using var root = new TempFolder();
        var time = new ManualTime();
        var unlimited = new CacheStore(root["cache"], time, long.MaxValue);
        foreach (var name in new[] { "a", "b", "c" })
        {
            time.Advance();
            Assert.True(unlimited.Save(Key(name), Content(root, name)));
        }

        var full = unlimited.Size();
        var limited = new CacheStore(root["cache"], time, full + (full / 6));
        time.Advance();
        Assert.NotNull(limited.LookupAndRestore(Key("a"), [], root["restored-a"]).Entry);
        time.Advance();
        Assert.True(limited.Save(Key("d"), Content(root, "d")));

        Assert.Equal(["evict|b"], limited.Evict());
        Assert.Null(limited.Find(Key("b")));
        Assert.NotNull(limited.Find(Key("a")));
        Assert.NotNull(limited.Find(Key("c")));
        Assert.NotNull(limited.Find(Key("d")));
        Assert.InRange(limited.Size(), 1, limited.MaxSize);
        Assert.Equal(3, Directory.EnumerateFiles(root["cache/blobs"]).Count());
    }

    [Fact]
    public async Task TaskRef_Cache2_Eviction_ConcurrentSavesAndRestores_StayUnderTheLimit()
    {
        using var root = new TempFolder();
        var time = new ManualTime();
        var store = new CacheStore(root["cache"], time, 3L * (Payload + 1024));
        var sources = Enumerable.Range(0, 12).Select(i => Content(root, "k" + i)).ToList();
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
        {
            store.Save(Key("k" + i), sources[i]);
            store.Evict();
            var (entry, _) = store.LookupAndRestore(Key("k" + ((i + 5) % 12)), [], root["out" + i]);
            if (entry is not null && !File.Exists(Path.Combine(root["out" + i], "data.bin")))
            {
                Interlocked.Increment(ref failures);
            }
        })));

        store.Evict();
        Assert.Equal(0, failures);
        Assert.InRange(store.Size(), 1, store.MaxSize);
        var keys = Directory.EnumerateFiles(root["cache/keys"]).Count();
        Assert.Equal(keys, Directory.EnumerateFiles(root["cache/blobs"]).Count());
    }

    [Theory]
    [InlineData("", CacheSizeLimit.Default)]
    [InlineData("1048576", 1048576L)]
    [InlineData("500M", 500L * 1024 * 1024)]
    [InlineData("2GiB", 2L * 1024 * 1024 * 1024)]
    [InlineData("1.5k", 1536L)]
    public void CacheSizeLimit_ReadsBytesAndUnits(string text, long expected) =>
        Assert.Equal((expected, (string?)null), CacheSizeLimit.Parse(text));

    [Fact]
    public void CacheSizeLimit_UnreadableValue_KeepsTheDefaultAndSaysSo()
    {
        var (bytes, error) = CacheSizeLimit.Parse("lots");
        Assert.Equal(CacheSizeLimit.Default, bytes);
        Assert.Contains("SLIPWAY_CACHE_MAX_SIZE", error, StringComparison.Ordinal);
    }

    private static CacheKey Key(string name) => new(["evict", name]);

    private static string Content(TempFolder root, string name)
    {
        var folder = root["src-" + name];
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "data.bin"), RandomNumberGenerator.GetBytes(Payload));
        return folder;
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public void Advance() => _now = _now.AddMinutes(1);

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
