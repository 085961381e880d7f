using Slipway.Core.Runs;
using Slipway.Core.Runtime.Caching;
using Slipway.Core.Runtime.Tasks.Caching;
using Slipway.Core.Tests.Runtime.Tasks;

namespace Slipway.Core.Tests.Runtime.Caching;

/// <summary>Cache@2 (TASKREF cache-v2; docs "Pipeline caching": key segments, restoreKeys, cacheHitVar, post-job save).</summary>
public sealed class CacheTaskTests
{
    [Fact]
    public void TaskRef_Cache2_KeySegmentsSplitOnPipe_FileSegmentsHashed_QuotedLiteral()
    {
        using var temp = new TempFolder();
        temp.Write("package-lock.json", "v1");
        var (key, error) = CacheKeys.Resolve("npm | \"Linux\" | package-lock.json", temp.Path);
        Assert.Null(error);
        Assert.Equal(3, key!.Segments.Count);
        Assert.Equal(("npm", "Linux"), (key.Segments[0], key.Segments[1]));
        Assert.Matches("^[0-9a-f]{64}$", key.Segments[2]);

        temp.Write("package-lock.json", "v2");
        var (changed, _) = CacheKeys.Resolve("npm | \"Linux\" | package-lock.json", temp.Path);
        Assert.NotEqual(key.Segments[2], changed!.Segments[2]);
    }

    [Fact]
    public void TaskRef_Cache2_GlobSegmentMustMatchAFile()
    {
        using var temp = new TempFolder();
        var (key, error) = CacheKeys.Resolve("nuget | **/packages.lock.json", temp.Path);
        Assert.Null(key);
        Assert.Contains("packages.lock.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskRef_Cache2_MissThenPostJobSaveThenExactHit()
    {
        using var cache = new TempFolder();
        using (var first = new TaskHarness(cache.Path))
        {
            first.Source("yarn.lock", "lock");
            var outcome = await first.RunAsync(new CacheHandler(), "Cache", 2, ("key", "yarn | yarn.lock"), ("path", ".yarn"), ("cacheHitVar", "HIT"));
            Assert.Equal(RunResult.Succeeded, outcome.Result);
            Assert.Contains(("HIT", "false", false, false), first.Variables.Sets);
            var post = Assert.Single(first.PostJob.Steps);
            Assert.Equal("succeeded()", post.Condition);
            first.Source(".yarn/pkg/index.js", "cached content");
            Assert.All(await first.RunPostJobAsync("Cache", 2), o => Assert.Equal(RunResult.Succeeded, o.Result));
        }

        using var second = new TaskHarness(cache.Path);
        second.Source("yarn.lock", "lock");
        await second.RunAsync(new CacheHandler(), "Cache", 2, ("key", "yarn | yarn.lock"), ("path", ".yarn"), ("cacheHitVar", "HIT"));
        Assert.Contains(("HIT", "true", false, false), second.Variables.Sets);
        Assert.Empty(second.PostJob.Steps);
        Assert.Equal("cached content", File.ReadAllText(Path.Combine(second.Sources, ".yarn/pkg/index.js")));
    }

    [Fact]
    public async Task TaskRef_Cache2_RestoreKeysArePrefixesNewestWins_Inexact()
    {
        using var cache = new TempFolder();
        var store = new CacheStore(cache.Path, TimeProvider.System);
        using var content = new TempFolder();
        File.WriteAllText(content.Write("old.txt"), "old");
        store.Save(new CacheKey(["npm", "Linux", "aaa"]), content.Path);
        await Task.Delay(20);
        File.Delete(content["old.txt"]);
        content.Write("new.txt", "new");
        store.Save(new CacheKey(["npm", "Linux", "bbb"]), content.Path);

        using var h = new TaskHarness(cache.Path);
        h.Source("package-lock.json", "something else");
        await h.RunAsync(
            new CacheHandler(), "Cache", 2,
            ("key", "npm | \"Linux\" | package-lock.json"), ("restoreKeys", "npm | \"Linux\"\nnpm"), ("path", "npm-cache"), ("cacheHitVar", "HIT"));
        Assert.Contains(("HIT", "inexact", false, false), h.Variables.Sets);
        Assert.True(File.Exists(Path.Combine(h.Sources, "npm-cache", "new.txt")));
        Assert.Single(h.PostJob.Steps);
    }

    [Fact]
    public void TaskRef_Cache2_RestoreKeyMatchesWholeSegmentsOnly()
    {
        var key = new CacheKey(["npm", "Linux", "abc"]);
        Assert.True(key.StartsWith(new CacheKey(["npm", "Linux"])));
        Assert.False(key.StartsWith(new CacheKey(["npm", "Lin"])));
    }

    [Fact]
    public async Task CacheStore_ConcurrentSavesOfOneKeyKeepOneEntryAndStayReadable()
    {
        using var cache = new TempFolder();
        using var content = new TempFolder();
        content.Write("a/b.txt", "payload");
        var store = new CacheStore(cache.Path, TimeProvider.System);
        var key = new CacheKey(["k", "1"]);
        var saved = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => store.Save(key, content.Path))));
        Assert.Contains(true, saved);
        Assert.Single(Directory.GetFiles(Path.Combine(cache.Path, "keys")));
        using var restored = new TempFolder();
        store.Restore(store.Find(key)!, restored.Path);
        Assert.Equal("payload", File.ReadAllText(restored["a/b.txt"]));
        Assert.Empty(Directory.GetFiles(Path.Combine(cache.Path, "tmp")));
    }

    [Fact]
    public async Task CacheStore_DamagedBlobIsAnErrorValueNotAnException()
    {
        using var cache = new TempFolder();
        using var content = new TempFolder();
        content.Write("a.txt");
        var store = new CacheStore(cache.Path, TimeProvider.System);
        store.Save(new CacheKey(["broken"]), content.Path);
        var blob = Directory.GetFiles(Path.Combine(cache.Path, "blobs")).Single();
        File.WriteAllText(blob, "not a tar.gz");
        using var target = new TempFolder();
        var result = await new RunCacheStore(store).RestoreAsync("broken", [], target.Path, CancellationToken.None);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void CacheStore_DefaultFolderHonoursSlipwayCacheDir()
    {
        Assert.Equal("/x/cache", CacheStore.DefaultRoot(n => n == "SLIPWAY_CACHE_DIR" ? "/x/cache" : null));
        Assert.Equal(Path.Combine("/xdg", "slipway", "cache"), CacheStore.DefaultRoot(n => n == "XDG_CACHE_HOME" ? "/xdg" : null));
    }
}
