using Slipway.Core.Runs;
using Slipway.Core.Runtime.Tasks.Files;

namespace Slipway.Core.Tests.Runtime.Tasks;

/// <summary>CopyFiles@2 and DeleteFiles@1 on real files (TASKREF copy-files-v2, delete-files-v1).</summary>
public sealed class FileTaskTests
{
    [Fact]
    public async Task TaskRef_CopyFiles2_DefaultContentsCopiesEverythingKeepingFolders()
    {
        using var h = new TaskHarness();
        h.Source("app/a.txt", "A");
        h.Source("app/sub/b.txt", "B");
        h.Source("app/.env", "hidden");
        var outcome = await h.RunAsync(new CopyFilesHandler(), "CopyFiles", 2, ("SourceFolder", "app"), ("TargetFolder", "out"));
        Assert.Equal(RunResult.Succeeded, outcome.Result);
        Assert.Equal("A", File.ReadAllText(Path.Combine(h.Sources, "out/a.txt")));
        Assert.Equal("B", File.ReadAllText(Path.Combine(h.Sources, "out/sub/b.txt")));
        Assert.True(File.Exists(Path.Combine(h.Sources, "out/.env")));
    }

    [Fact]
    public async Task TaskRef_CopyFiles2_FlattenFoldersAndExclusions()
    {
        using var h = new TaskHarness();
        h.Source("app/sub/one.dll");
        h.Source("app/deep/er/two.dll");
        h.Source("app/deep/skip.dll");
        var outcome = await h.RunAsync(
            new CopyFilesHandler(), "CopyFiles", 2,
            ("SourceFolder", "app"), ("Contents", "**/*.dll\n!deep/skip.dll"), ("TargetFolder", "flat"), ("flattenFolders", "true"));
        Assert.Equal(RunResult.Succeeded, outcome.Result);
        Assert.Equal(["one.dll", "two.dll"], Directory.GetFiles(Path.Combine(h.Sources, "flat")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task TaskRef_CopyFiles2_ExistingTargetKeptUnlessOverWrite()
    {
        using var h = new TaskHarness();
        h.Source("app/a.txt", "new");
        h.Source("out/a.txt", "old");
        await h.RunAsync(new CopyFilesHandler(), "CopyFiles", 2, ("SourceFolder", "app"), ("TargetFolder", "out"));
        Assert.Equal("old", File.ReadAllText(Path.Combine(h.Sources, "out/a.txt")));
        await h.RunAsync(new CopyFilesHandler(), "CopyFiles", 2, ("SourceFolder", "app"), ("TargetFolder", "out"), ("OverWrite", "true"));
        Assert.Equal("new", File.ReadAllText(Path.Combine(h.Sources, "out/a.txt")));
    }

    [Fact]
    public async Task TaskRef_CopyFiles2_CleanTargetFolderEmptiesTargetFirst()
    {
        using var h = new TaskHarness();
        h.Source("app/a.txt");
        h.Source("out/stale.txt");
        await h.RunAsync(new CopyFilesHandler(), "CopyFiles", 2, ("SourceFolder", "app"), ("TargetFolder", "out"), ("CleanTargetFolder", "true"));
        Assert.False(File.Exists(Path.Combine(h.Sources, "out/stale.txt")));
        Assert.True(File.Exists(Path.Combine(h.Sources, "out/a.txt")));
    }

    [Fact]
    public async Task TaskRef_CopyFiles2_TargetFolderIsRequired()
    {
        using var h = new TaskHarness();
        var outcome = await h.RunAsync(new CopyFilesHandler(), "CopyFiles", 2, ("SourceFolder", "app"));
        Assert.Equal(RunResult.Failed, outcome.Result);
        Assert.Equal("Input required: TargetFolder", outcome.Message);
    }

    [Fact]
    public async Task TaskRef_CopyFiles2_MissingSourceFolderFails()
    {
        using var h = new TaskHarness();
        var outcome = await h.RunAsync(new CopyFilesHandler(), "CopyFiles", 2, ("SourceFolder", "nope"), ("TargetFolder", "out"));
        Assert.Equal(RunResult.Failed, outcome.Result);
        Assert.Contains("nope", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskRef_CopyFiles2_FileSystemErrorIsAFailedStepNotAnException()
    {
        using var h = new TaskHarness();
        h.Source("app/a.txt");
        h.Source("blocked", "a file where the target folder should be");
        var outcome = await h.RunAsync(new CopyFilesHandler(), "CopyFiles", 2, ("SourceFolder", "app"), ("TargetFolder", "blocked"));
        Assert.Equal(RunResult.Failed, outcome.Result);
        Assert.False(string.IsNullOrEmpty(outcome.Message));
    }

    [Fact]
    public async Task TaskRef_DeleteFiles1_DeletesMatchedFilesAndFoldersButNotDotFiles()
    {
        using var h = new TaskHarness();
        h.Source("w/bin/x.dll");
        h.Source("w/keep.txt");
        h.Source("w/.keep");
        var outcome = await h.RunAsync(new DeleteFilesHandler(), "DeleteFiles", 1, ("SourceFolder", "w"), ("Contents", "bin\n*"));
        Assert.Equal(RunResult.Succeeded, outcome.Result);
        Assert.False(Directory.Exists(Path.Combine(h.Sources, "w/bin")));
        Assert.False(File.Exists(Path.Combine(h.Sources, "w/keep.txt")));
        Assert.True(File.Exists(Path.Combine(h.Sources, "w/.keep")));
    }

    [Fact]
    public async Task TaskRef_DeleteFiles1_RemoveDotFilesAndSourceFolder()
    {
        using var h = new TaskHarness();
        h.Source("w/.keep");
        await h.RunAsync(new DeleteFilesHandler(), "DeleteFiles", 1, ("SourceFolder", "w"), ("Contents", "*"), ("RemoveDotFiles", "true"));
        Assert.False(File.Exists(Path.Combine(h.Sources, "w/.keep")));
        await h.RunAsync(new DeleteFilesHandler(), "DeleteFiles", 1, ("SourceFolder", "w"), ("Contents", "*"), ("RemoveSourceFolder", "true"));
        Assert.False(Directory.Exists(Path.Combine(h.Sources, "w")));
    }
}
