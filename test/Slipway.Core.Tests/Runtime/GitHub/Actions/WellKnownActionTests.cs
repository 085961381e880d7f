using Slipway.Core.Runs;
using Slipway.Core.Runtime;
using Slipway.Core.Runtime.Artifacts;
using Slipway.Core.Runtime.Caching;
using Slipway.Core.Tests.Runtime.Checkout;
using Slipway.Core.Tests.Runtime.GitHub.Jobs;

namespace Slipway.Core.Tests.Runtime.GitHub.Actions;

/// <summary>The emulated well-known actions (checkout, artifacts, cache, setup-*), on real stores and real files.</summary>
public sealed class WellKnownActionTests
{
    private static JobHarness WithStores(JobHarness harness, string? cacheRoot = null)
    {
        harness.Services = new RunServices
        {
            Artifacts = new RunArtifactStore(new ArtifactStore(Path.Combine(harness.Dir, "artifacts"))),
            Cache = new RunCacheStore(new CacheStore(cacheRoot ?? Path.Combine(harness.Dir, "cache"), TimeProvider.System)),
            TestResults = new SummingTestResultsCollector(),
        };
        return harness.WithActions();
    }

    [Fact]
    public async Task GHA_ACT_5_CheckoutThenLocalAction()
    {
        var harness = new JobHarness().WithActions();
        ActionFixtures.Write(harness.Dir, ("hello.txt", "from the repository\n"),
            (".github/actions/hello/action.yml", "runs:\n  using: composite\n  steps:\n    - run: cat hello.txt\n      shell: bash\n"));
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: ./.github/actions/hello
            """);

        Assert.True(result.Result == RunResult.Succeeded, harness.OutputText);
        Assert.Contains("from the repository", harness.Output);
    }

    [Fact]
    public async Task UploadThenDownloadArtifact_V4Semantics()
    {
        var harness = WithStores(new JobHarness());
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: mkdir -p out/sub && echo a > out/a.txt && echo b > out/sub/b.txt && echo h > out/.hidden
                  - id: up
                    uses: actions/upload-artifact@v4
                    with:
                      name: dist
                      path: out/
                  - id: again
                    uses: actions/upload-artifact@v4
                    continue-on-error: true
                    with:
                      name: dist
                      path: out/a.txt
                  - id: down
                    uses: actions/download-artifact@v4
                    with:
                      name: dist
                      path: got
                  - id: none
                    uses: actions/upload-artifact@v4
                    continue-on-error: true
                    with:
                      name: empty
                      path: nothing/**
                      if-no-files-found: error
                  - run: |
                      find got -type f | sort
                      echo "id=${{ steps.up.outputs.artifact-id }} again=${{ steps.again.outcome }} none=${{ steps.none.outcome }}"
                      echo "download-path=${{ steps.down.outputs.download-path }}"
            """);

        Assert.Equal(RunResult.Succeeded, result.Result);
        Assert.Contains("got/a.txt", harness.Output);
        Assert.Contains("got/sub/b.txt", harness.Output);
        Assert.DoesNotContain("got/.hidden", harness.Output);
        Assert.Contains("id=1 again=failure none=failure", harness.Output);
        Assert.Contains(harness.Events.Issues, i => i.Message.Contains("(409) Conflict: an artifact with this name already exists", StringComparison.Ordinal));
        Assert.Contains(harness.Events.Issues, i => i.Message.StartsWith("No files were found with the provided path: nothing/**", StringComparison.Ordinal));
        Assert.Contains(harness.Output, l => l.StartsWith("download-path=", StringComparison.Ordinal) && l.EndsWith("/got", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UploadArtifact_OverwriteTrue_ReplacesTheArtifact()
    {
        var harness = WithStores(new JobHarness());
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: mkdir -p out && echo a > out/a.txt && echo b > out/b.txt
                  - uses: actions/upload-artifact@v4
                    with:
                      name: dist
                      path: out/
                  - uses: actions/upload-artifact@v4
                    with:
                      name: dist
                      path: out/b.txt
                      overwrite: true
                  - uses: actions/download-artifact@v4
                    with:
                      name: dist
                      path: got
                  - run: find got -type f | sort
            """);

        Assert.Equal(RunResult.Succeeded, result.Result);
        Assert.Contains("Artifact 'dist' exists already and overwrite is true: deleting it.", harness.Output);
        Assert.Contains("got/b.txt", harness.Output);
        Assert.DoesNotContain("got/a.txt", harness.Output);
    }

    [Fact]
    public async Task CacheIsSavedAfterTheJobAndRestoredByKeyOrPrefix()
    {
        var cacheRoot = Directory.CreateTempSubdirectory("slipway-gha-cache-").FullName;
        const string Workflow = """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - id: c
                    uses: actions/cache@v4
                    with:
                      path: deps
                      key: deps-KEY
                      restore-keys: |
                        deps-
                  - run: |
                      echo "hit=${{ steps.c.outputs.cache-hit }} content=$(cat deps/file.txt 2>/dev/null)"
                      mkdir -p deps && echo KEY > deps/file.txt
            """;
        var first = WithStores(new JobHarness(), cacheRoot);
        Assert.Equal(RunResult.Succeeded, (await first.RunAsync(Workflow.Replace("KEY", "v1", StringComparison.Ordinal))).Result);
        Assert.Contains("hit=false content=", first.Output);
        Assert.Contains("Cache saved with key: deps-v1", first.Output);

        var exact = WithStores(new JobHarness(), cacheRoot);
        await exact.RunAsync(Workflow.Replace("KEY", "v1", StringComparison.Ordinal));
        Assert.True(exact.Output.Contains("hit=true content=v1"), exact.OutputText);
        Assert.DoesNotContain("Cache saved with key: deps-v1", exact.Output);

        var prefix = WithStores(new JobHarness(), cacheRoot);
        await prefix.RunAsync(Workflow.Replace("KEY", "v2", StringComparison.Ordinal));
        Assert.Contains("hit=false content=v1", prefix.Output);
        Assert.Contains("Cache restored from key: deps-v1", prefix.Output);
        Assert.Contains("Cache saved with key: deps-v2", prefix.Output);
    }

    [Fact]
    public async Task SetupNodeMatchesTheInstalledNodeOrNamesIt()
    {
        var harness = new JobHarness().WithActions();
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - id: node
                    uses: actions/setup-node@v4
                    with:
                      node-version: x
                  - id: missing
                    uses: actions/setup-node@v4
                    continue-on-error: true
                    with:
                      node-version: 3.1
                  - run: echo "node=${{ steps.node.outputs.node-version }} actual=$(node --version) missing=${{ steps.missing.outcome }}"
            """);

        Assert.Equal(RunResult.Succeeded, result.Result);
        var line = Assert.Single(harness.Output, l => l.StartsWith("node=", StringComparison.Ordinal));
        var parts = line.Split(' ');
        Assert.Equal(parts[0]["node=".Length..], parts[1]["actual=".Length..]);
        Assert.Equal("missing=failure", parts[2]);
        Assert.Contains(harness.Events.Issues, i => i.Message.Contains("no installed node matches node-version '3.1'. Installed: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CachePathsMayBeGlobs()
    {
        var cacheRoot = Directory.CreateTempSubdirectory("slipway-gha-cache-").FullName;
        const string Workflow = """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/cache@v4
                    with:
                      path: gen/**/*.txt
                      key: gen-1
                  - run: |
                      echo "restored=$(cat gen/sub/a.txt 2>/dev/null) other=$(cat gen/b.log 2>/dev/null)"
                      mkdir -p gen/sub && echo A > gen/sub/a.txt && echo B > gen/b.log
            """;
        var first = WithStores(new JobHarness(), cacheRoot);
        await first.RunAsync(Workflow);
        Assert.Contains("restored= other=", first.Output);

        var second = WithStores(new JobHarness(), cacheRoot);
        await second.RunAsync(Workflow);
        Assert.Contains("restored=A other=", second.Output);
    }
}
