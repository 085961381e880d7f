using Slipway.Core.Runs;
using Slipway.Core.Runtime.Tasks.Archives;

namespace Slipway.Core.Tests.Runtime.Tasks;

/// <summary>
/// ArchiveFiles@2 and ExtractFiles@1 with 7z run 7-Zip with the tasks' command lines (archivefiles.ts sevenZipArchive,
/// ExtractFilesV1 sevenZipExtract). A <c>7z</c> on PATH that records its arguments stands in for 7-Zip where it is not installed.
/// </summary>
public sealed class SevenZipTaskTests
{
    [Fact]
    public void TaskRef_ArchiveFiles2_SevenZipArguments_AsTheTaskBuildsThem()
    {
        Assert.Equal(["a", "-t7z", "-mx=9", "/out/a.7z", "@/tmp/list"], SevenZip.ArchiveArguments("/out/a.7z", "/tmp/list", "ultra"));
        Assert.Equal(["a", "-t7z", "/out/a.7z", "@/tmp/list"], SevenZip.ArchiveArguments("/out/a.7z", "/tmp/list", null));
        Assert.Equal(("1", "3", "5", "7", "0"), (SevenZip.CompressionLevel("fastest"), SevenZip.CompressionLevel("fast"),
            SevenZip.CompressionLevel("normal"), SevenZip.CompressionLevel("maximum"), SevenZip.CompressionLevel("none")));
        Assert.Equal(["x", "-o/dest", "-aoa", "/in/a.7z"], SevenZip.ExtractArguments("/in/a.7z", "/dest", overwrite: true));
        Assert.Equal(["x", "-o/dest", "-aos", "/in/a.7z"], SevenZip.ExtractArguments("/in/a.7z", "/dest", overwrite: false));
    }

    [Fact]
    public async Task TaskRef_ArchiveFiles2_SevenZip_RunsInTheRootsParentWithAListFile()
    {
        using var h = new TaskHarness();
        var record = FakeSevenZip(h);
        h.Source("site/index.html");
        var outcome = await h.RunAsync(new ArchiveFilesHandler(), "ArchiveFiles", 2,
            ("rootFolderOrFile", "site"), ("archiveType", "7z"), ("sevenZipCompression", "fast"), ("archiveFile", "out/site.7z"));

        Assert.Equal(RunResult.Succeeded, outcome.Result);
        var lines = File.ReadAllLines(record);
        Assert.Equal("cwd=" + h.Sources, lines[0]);
        Assert.Equal(["a", "-t7z", "-mx=3", Path.Combine(h.Sources, "out/site.7z")], lines[1..5]);
        Assert.StartsWith("@" + h.Workspace.TempDirectory, lines[5], StringComparison.Ordinal);
        Assert.Equal("list=site", lines[6]);
    }

    [Fact]
    public async Task TaskRef_ExtractFiles1_SevenZipArchive_ExtractsWith7z_WimIsWindowsOnly()
    {
        using var h = new TaskHarness();
        var record = FakeSevenZip(h);
        h.Source("in/pack.7z", "not really 7z");
        var outcome = await h.RunAsync(new ExtractFilesHandler(), "ExtractFiles", 1,
            ("archiveFilePatterns", "**/*.7z"), ("destinationFolder", "dest"), ("overwriteExistingFiles", "true"));

        Assert.Equal(RunResult.Succeeded, outcome.Result);
        var lines = File.ReadAllLines(record);
        Assert.Equal(["x", "-o" + Path.Combine(h.Sources, "dest"), "-aoa", Path.Combine(h.Sources, "in/pack.7z")], lines[1..5]);

        h.Source("in/image.wim");
        var wim = await h.RunAsync(new ExtractFilesHandler(), "ExtractFiles", 1, ("archiveFilePatterns", "**/*.wim"), ("destinationFolder", "dest"));
        Assert.Equal(RunResult.Failed, wim.Result);
        Assert.Contains("Windows", wim.Message, StringComparison.Ordinal);
    }

    /// <summary>A <c>7z</c> script first on PATH that writes its working directory, arguments and list file to a record file.</summary>
    private static string FakeSevenZip(TaskHarness h)
    {
        var bin = Directory.CreateTempSubdirectory("slipway-7z-").FullName;
        var record = Path.Combine(bin, "record.txt");
        var script = Path.Combine(bin, "7z");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            {
              echo "cwd=$(pwd)"
              for a in "$@"; do echo "$a"; done
              for a in "$@"; do case "$a" in @*) echo "list=$(cat "${a#@}")";; esac; done
            } > '{{record}}'
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        h.Environment["PATH"] = bin + ":" + h.Environment["PATH"];
        return record;
    }
}
