using Slipway.Core.Runtime.Caching;
using Slipway.Core.Runtime.Services;
using Slipway.Core.Tests.Runtime.Tasks;

namespace Slipway.Core.Tests.Runtime.Caching;

/// <summary>
/// <see cref="ICacheStore"/>'s string keys (actions/cache): restore keys are string prefixes, tried in order, each
/// picking the most recently created matching entry of the same version (GitHub's "Matching a cache key" docs).
/// </summary>
public sealed class CachePrefixLookupTests
{
    [Fact]
    public async Task RestoreKeys_AreStringPrefixes_NewestMatchWins_InTheirOrder()
    {
        using var root = new TempFolder();
        var time = new SteppingTime();
        var cache = new RunCacheStore(new CacheStore(root["cache"], time, long.MaxValue));
        var content = Content(root);
        foreach (var key in new[] { "npm-linux-a", "npm-linux-b", "npm-mac-c", "npm-linux" })
        {
            Assert.True((await cache.SaveEntryAsync("v1", key, content, CancellationToken.None)).Saved);
        }

        Assert.Equal(new CacheMatch("npm-linux", false), await cache.LookupAsync("v1", "npm-linux-z", ["npm-linux"], CancellationToken.None));
        Assert.Equal(new CacheMatch("npm-linux-b", false), await cache.LookupAsync("v1", "x", ["npm-linux-"], CancellationToken.None));
        Assert.Equal(new CacheMatch("npm-mac-c", false), await cache.LookupAsync("v1", "x", ["npm-m", "npm-"], CancellationToken.None));
        Assert.Equal(new CacheMatch("npm-linux-a", false), await cache.LookupAsync("v1", "x", ["yarn-", "npm-linux-a"], CancellationToken.None));
        Assert.Equal(new CacheMatch("npm-linux-a", true), await cache.LookupAsync("v1", "npm-linux-a", ["npm-"], CancellationToken.None));
        Assert.Null(await cache.LookupAsync("v1", "x", ["NPM-"], CancellationToken.None));
        Assert.Null(await cache.LookupAsync("v2", "npm-linux-a", ["npm-"], CancellationToken.None));
    }

    [Fact]
    public async Task RestoreEntry_ExtractsTheMatchedEntry_AndAMissingOneIsAMiss()
    {
        using var root = new TempFolder();
        var cache = new RunCacheStore(new CacheStore(root["cache"], new SteppingTime(), long.MaxValue));
        await cache.SaveEntryAsync("v1", "deps-1", Content(root), CancellationToken.None);

        var restored = await cache.RestoreEntryAsync("v1", "deps-1", root["out"], CancellationToken.None);

        Assert.Equal("deps-1", restored.MatchedKey);
        Assert.Equal("cached", File.ReadAllText(Path.Combine(root["out"], "data.txt")));
        Assert.Same(CacheRestoreResult.Miss, await cache.RestoreEntryAsync("v1", "deps-2", root["out2"], CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentJobs_SavingAndLookingUp_SeeWholeEntries_AndOneWinnerPerKey()
    {
        using var root = new TempFolder();
        var time = new SteppingTime();
        var content = Content(root);

        // Two store objects on one folder stand for two jobs (or two slipway processes).
        var jobs = new[] { new RunCacheStore(new CacheStore(root["cache"], time, long.MaxValue)), new RunCacheStore(new CacheStore(root["cache"], time, long.MaxValue)) };
        var saves = Enumerable.Range(0, 16).Select(i => Task.Run(() => jobs[i % 2].SaveEntryAsync("v1", $"build-{i % 8}", content, CancellationToken.None))).ToList();
        var lookups = Enumerable.Range(0, 16).Select(i => Task.Run(() => jobs[i % 2].LookupAsync("v1", "none", ["build-"], CancellationToken.None))).ToList();
        var saved = await Task.WhenAll(saves);
        await Task.WhenAll(lookups);

        Assert.Equal(8, saved.Count(s => s.Saved));
        var match = await jobs[0].LookupAsync("v1", "none", ["build-"], CancellationToken.None);
        Assert.StartsWith("build-", match!.Key, StringComparison.Ordinal);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(new CacheMatch($"build-{i}", true), await jobs[1].LookupAsync("v1", $"build-{i}", [], CancellationToken.None));
        }
    }

    private static string Content(TempFolder root)
    {
        var folder = root["content"];
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "data.txt"), "cached");
        return folder;
    }

    /// <summary>Each reading of the clock is a second later, so every save has its own creation time.</summary>
    private sealed class SteppingTime : TimeProvider
    {
        private long _ticks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
