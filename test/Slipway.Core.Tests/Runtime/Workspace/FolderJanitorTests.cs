using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Tests.Runtime.Workspace;

/// <summary>Agent.TempDirectory / RUNNER_TEMP are gone from their place when the job ends, and deleted later off the job's path.</summary>
public sealed class FolderJanitorTests
{
    [Fact]
    public async Task AZP_JOB_7_Discard_MovesTheFolderAwayAtOnce_AndDeletesItBeforeDisposeReturns()
    {
        var root = Directory.CreateTempSubdirectory("slipway-janitor-").FullName;
        var trash = Path.Combine(root, ".trash");
        var temp = Path.Combine(root, "1", "_temp");
        Directory.CreateDirectory(Path.Combine(temp, "nested"));
        await File.WriteAllTextAsync(Path.Combine(temp, "nested", "secret.txt"), "x");

        var janitor = FolderJanitor.Start(trash);
        janitor.Discard(temp);
        Assert.False(Directory.Exists(temp));
        await janitor.DisposeAsync();

        Assert.Empty(Directory.EnumerateFileSystemEntries(trash));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Start_DeletesWhatAnEarlierRunLeftInTheTrash()
    {
        var root = Directory.CreateTempSubdirectory("slipway-janitor-").FullName;
        var trash = Path.Combine(root, ".trash");
        var leftover = Path.Combine(trash, "123-1-_temp");
        Directory.CreateDirectory(leftover);
        await File.WriteAllTextAsync(Path.Combine(leftover, "f"), "x");

        await using (FolderJanitor.Start(trash))
        {
        }

        Assert.False(Directory.Exists(leftover));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Discard_ManyFoldersFromConcurrentJobs_AllEndDeleted()
    {
        var root = Directory.CreateTempSubdirectory("slipway-janitor-").FullName;
        var trash = Path.Combine(root, ".trash");
        var janitor = FolderJanitor.Start(trash);
        await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(async () =>
        {
            var temp = Path.Combine(root, i.ToString(System.Globalization.CultureInfo.InvariantCulture), "_temp");
            Directory.CreateDirectory(temp);
            await File.WriteAllTextAsync(Path.Combine(temp, "script.sh"), "true");
            janitor.Discard(temp);
            Assert.False(Directory.Exists(temp));
        })));
        await janitor.DisposeAsync();

        Assert.Empty(Directory.EnumerateFileSystemEntries(trash));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Immediate_DeletesOnTheCallersThread_AndAMissingFolderIsNoError()
    {
        var temp = Directory.CreateTempSubdirectory("slipway-janitor-").FullName;
        await File.WriteAllTextAsync(Path.Combine(temp, "f"), "x");

        FolderJanitor.Immediate.Discard(temp);
        FolderJanitor.Immediate.Discard(temp);

        Assert.False(Directory.Exists(temp));
    }
}
