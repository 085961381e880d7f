using System.Formats.Tar;
using System.IO.Compression;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Tasks.Archives;

namespace Slipway.Core.Tests.Runtime.Tasks;

/// <summary>ArchiveFiles@2 and ExtractFiles@1 (TASKREF archive-files-v2, extract-files-v1).</summary>
public sealed class ArchiveTaskTests
{
    [Fact]
    public async Task TaskRef_ArchiveFiles2_ZipIncludesRootFolderByDefault()
    {
        using var h = new TaskHarness();
        h.Source("site/index.html");
        h.Source("site/css/a.css");
        var outcome = await h.RunAsync(new ArchiveFilesHandler(), "ArchiveFiles", 2, ("rootFolderOrFile", "site"), ("archiveFile", "out/site.zip"));
        Assert.Equal(RunResult.Succeeded, outcome.Result);
        using var zip = ZipFile.OpenRead(Path.Combine(h.Sources, "out/site.zip"));
        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName).Order().ToList();
        Assert.Equal(["site/css/a.css", "site/index.html"], files);
    }

    [Fact]
    public async Task TaskRef_ArchiveFiles2_IncludeRootFolderFalseAndDefaultArchiveFile()
    {
        using var h = new TaskHarness();
        h.Source("site/index.html");
        await h.RunAsync(new ArchiveFilesHandler(), "ArchiveFiles", 2, ("rootFolderOrFile", "site"), ("includeRootFolder", "false"));

        // Default archiveFile: $(Build.ArtifactStagingDirectory)/$(Build.BuildId).zip, Build.BuildId = 42 here.
        using var zip = ZipFile.OpenRead(Path.Combine(h.Workspace.ArtifactStagingDirectory, "42.zip"));
        Assert.Equal(["index.html"], zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task TaskRef_ArchiveFiles2_TarGzRoundTripsThroughExtractFiles1()
    {
        using var h = new TaskHarness();
        h.Source("pkg/bin/tool.sh", "echo hi");
        var archived = await h.RunAsync(
            new ArchiveFilesHandler(), "ArchiveFiles", 2,
            ("rootFolderOrFile", "pkg"), ("archiveType", "tar"), ("archiveFile", "drop/pkg.tar.gz"));
        Assert.Equal(RunResult.Succeeded, archived.Result);
        await using (var gz = new GZipStream(File.OpenRead(Path.Combine(h.Sources, "drop/pkg.tar.gz")), CompressionMode.Decompress))
        {
            using var tar = new TarReader(gz);
            Assert.NotNull(tar.GetNextEntry());
        }

        var extracted = await h.RunAsync(
            new ExtractFilesHandler(), "ExtractFiles", 1,
            ("archiveFilePatterns", "drop/*.tar.gz"), ("destinationFolder", "unpacked"));
        Assert.Equal(RunResult.Succeeded, extracted.Result);
        Assert.Equal("echo hi", File.ReadAllText(Path.Combine(h.Sources, "unpacked/pkg/bin/tool.sh")));
    }

    [Fact]
    public async Task TaskRef_ExtractFiles1_CleansDestinationByDefault()
    {
        using var h = new TaskHarness();
        h.Source("a/file.txt", "content");
        await h.RunAsync(new ArchiveFilesHandler(), "ArchiveFiles", 2, ("rootFolderOrFile", "a"), ("archiveFile", "a.zip"), ("includeRootFolder", "false"));
        h.Source("dest/old.txt");
        var outcome = await h.RunAsync(new ExtractFilesHandler(), "ExtractFiles", 1, ("archiveFilePatterns", "*.zip"), ("destinationFolder", "dest"));
        Assert.Equal(RunResult.Succeeded, outcome.Result);
        Assert.False(File.Exists(Path.Combine(h.Sources, "dest/old.txt")));
        Assert.Equal("content", File.ReadAllText(Path.Combine(h.Sources, "dest/file.txt")));
    }

    [Fact]
    public async Task TaskRef_ArchiveFiles2_SevenZipWithoutTheProgram_NamesP7zipFull()
    {
        using var h = new TaskHarness();
        h.Environment["PATH"] = h.Sources;
        h.Source("a/file.txt");
        var outcome = await h.RunAsync(new ArchiveFilesHandler(), "ArchiveFiles", 2, ("rootFolderOrFile", "a"), ("archiveType", "7z"));
        Assert.Equal(RunResult.Failed, outcome.Result);
        Assert.Contains("p7zip-full", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskRef_ExtractFiles1_NoMatchingArchiveFails()
    {
        using var h = new TaskHarness();
        var outcome = await h.RunAsync(new ExtractFilesHandler(), "ExtractFiles", 1, ("destinationFolder", "dest"));
        Assert.Equal(RunResult.Failed, outcome.Result);
    }
}
