using System.IO.Compression;

namespace Slipway.Cli.Tests.Run;

/// <summary>DotNetCoreCLI@2 <c>push</c> to local folder feeds, and ArchiveFiles@2 / ExtractFiles@1 with 7z and wim (spec 9.2 task inputs).</summary>
[Trait("Category", "EndToEnd")]
public sealed class PackagesAndArchivesRunTests
{
    [Fact]
    public async Task TaskRef_DotNetCoreCLI2_Push_InternalFeedNamesFolderUnderSlipwayFeeds()
    {
        var h = new RunHarness();
        var packages = Path.Combine(h.Dir, "packages");
        WritePackage(Path.Combine(packages, "Slipway.Sample.1.2.3.nupkg"), "Slipway.Sample", "1.2.3");
        Directory.CreateDirectory(Path.Combine(h.Dir, ".slipway", "feeds", "local"));

        var run = await h.RunAsync($$"""
            steps:
            - checkout: none
            - task: DotNetCoreCLI@2
              inputs:
                command: push
                packagesToPush: {{packages}}/*.nupkg
                nuGetFeedType: internal
                publishVstsFeed: local
            """);

        Assert.True(run.Code == 0, run.Out);
        Assert.Contains(run.Lines("Job"), l => l.Contains("nuget push", StringComparison.Ordinal) && l.Contains("--source", StringComparison.Ordinal));
        var pushed = Directory.EnumerateFiles(Path.Combine(h.Dir, ".slipway", "feeds", "local"), "*.nupkg", SearchOption.AllDirectories).Select(Path.GetFileName);
        Assert.Contains("slipway.sample.1.2.3.nupkg", pushed, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TaskRef_DotNetCoreCLI2_Push_ExternalFolderEndpoint_RemoteFeedIsAClearError()
    {
        var h = new RunHarness();
        var packages = Path.Combine(h.Dir, "packages");
        WritePackage(Path.Combine(packages, "Other.Lib.0.1.0.nupkg"), "Other.Lib", "0.1.0");
        var folderFeed = Directory.CreateDirectory(Path.Combine(h.Dir, "folder-feed")).FullName;

        var external = await h.RunAsync($$"""
            steps:
            - checkout: none
            - task: DotNetCoreCLI@2
              inputs:
                command: push
                packagesToPush: {{packages}}/*.nupkg
                nuGetFeedType: external
                publishFeedCredentials: {{folderFeed}}
            """);
        Assert.True(external.Code == 0, external.Out);
        Assert.NotEmpty(Directory.EnumerateFiles(folderFeed, "*.nupkg", SearchOption.AllDirectories));

        var remote = await h.RunAsync($$"""
            steps:
            - checkout: none
            - task: DotNetCoreCLI@2
              inputs:
                command: push
                packagesToPush: {{packages}}/*.nupkg
                publishVstsFeed: MyProject/MyFeed
            """);
        Assert.Equal(1, remote.Code);
        Assert.Contains("SLW7960", remote.Out, StringComparison.Ordinal);
        Assert.Contains("Local runs push only to local folder feeds (.slipway/feeds/)", remote.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskRef_ArchiveFiles2_7z_UsesSevenZipOrNamesP7zipFull_WimIsWindowsOnly()
    {
        var h = new RunHarness();
        var run = await h.RunAsync("""
            steps:
            - checkout: none
            - bash: mkdir -p content/sub && echo seven > content/sub/a.txt
            - task: ArchiveFiles@2
              inputs:
                rootFolderOrFile: content
                archiveType: 7z
                archiveFile: $(Build.ArtifactStagingDirectory)/out.7z
            - task: ExtractFiles@1
              inputs:
                archiveFilePatterns: $(Build.ArtifactStagingDirectory)/*.7z
                destinationFolder: extracted
            - bash: cat extracted/content/sub/a.txt
            """);
        if (HasSevenZip())
        {
            Assert.True(run.Code == 0, run.Out);
            Assert.Contains("seven", run.Lines("Job"));
            Assert.Contains(run.Lines("Job"), l => l.Contains(" a -t7z ", StringComparison.Ordinal) && l.Contains("out.7z @", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(1, run.Code);
            Assert.Contains("p7zip-full", run.Out, StringComparison.Ordinal);
            Assert.Contains("SLW7965", run.Out, StringComparison.Ordinal);
        }

        var wim = await h.RunAsync("""
            steps:
            - checkout: none
            - bash: mkdir -p content && echo x > content/a.txt
            - task: ArchiveFiles@2
              inputs:
                rootFolderOrFile: content
                archiveType: wim
                archiveFile: out.wim
            """);
        Assert.Equal(1, wim.Code);
        Assert.Contains("SLW7966", wim.Out, StringComparison.Ordinal);
        Assert.Contains("Windows", wim.Out, StringComparison.Ordinal);
    }

    private static bool HasSevenZip() => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "7z")) || File.Exists(Path.Combine(d, "7za")));

    /// <summary>A minimal valid package: a zip with the .nuspec at its root (what <c>dotnet nuget push</c> reads).</summary>
    private static void WritePackage(string path, string id, string version)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry(id + ".nuspec").Open()))
        {
            writer.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata>
                    <id>{id}</id>
                    <version>{version}</version>
                    <authors>Slipway</authors>
                    <description>Test package.</description>
                  </metadata>
                </package>
                """);
        }

        using (var writer = new StreamWriter(zip.CreateEntry("content/readme.txt").Open()))
        {
            writer.Write("hello");
        }
    }
}
