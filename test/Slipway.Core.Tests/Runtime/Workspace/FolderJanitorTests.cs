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

    [Fact]
    public async Task AZP_JOB_7_EmptyForReuse_DeletesFiles_KeepsTheNamedFolders_MovesOthersAway_AndNeverFollowsALink()
    {
        var root = Directory.CreateTempSubdirectory("slipway-janitor-").FullName;
        var temp = Path.Combine(root, "_temp", "1");
        var outside = Path.Combine(root, "outside");
        Directory.CreateDirectory(Path.Combine(temp, "_runner_file_commands"));
        Directory.CreateDirectory(Path.Combine(temp, "made", "deeper"));
        Directory.CreateDirectory(outside);
        await File.WriteAllTextAsync(Path.Combine(outside, "keep.txt"), "mine");
        await File.WriteAllTextAsync(Path.Combine(temp, "script.sh"), "echo secret");
        await File.WriteAllTextAsync(Path.Combine(temp, ".hidden"), "x");
        await File.WriteAllTextAsync(Path.Combine(temp, "_runner_file_commands", "set_output_1"), "a=b");
        await File.WriteAllTextAsync(Path.Combine(temp, "made", "deeper", "f"), "x");
        File.CreateSymbolicLink(Path.Combine(temp, "link"), outside);
        File.CreateSymbolicLink(Path.Combine(temp, "_runner_file_commands", "link"), outside);

        var janitor = FolderJanitor.Start(Path.Combine(root, ".trash"));
        janitor.EmptyForReuse(temp, ["_runner_file_commands"]);

        Assert.Equal([Path.Combine(temp, "_runner_file_commands")], Directory.EnumerateFileSystemEntries(temp));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(temp, "_runner_file_commands")));
        await janitor.DisposeAsync();
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(root, ".trash")));
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(outside, "keep.txt")));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task AZP_JOB_7_EmptyForReuse_LeavesTheFilesTheSlotKeeps_AndSaysWhetherEveryKeptFolderWasThere()
    {
        var root = Directory.CreateTempSubdirectory("slipway-janitor-").FullName;
        var temp = Path.Combine(root, "_temp");
        var commands = Path.Combine(temp, "_runner_file_commands");
        Directory.CreateDirectory(commands);
        var kept = Path.Combine(commands, "set_output_1");
        await File.WriteAllTextAsync(kept, string.Empty);
        await File.WriteAllTextAsync(Path.Combine(commands, "set_output_2"), "a=b");
        var janitor = FolderJanitor.Immediate;

        Assert.True(janitor.EmptyForReuse(temp, ["_runner_file_commands"], new HashSet<string> { kept }));
        Assert.Equal([kept], Directory.EnumerateFiles(commands));
        Assert.False(janitor.EmptyForReuse(temp, ["_runner_file_commands", "_github_workflow"]));
        Assert.Empty(Directory.EnumerateFiles(commands));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task AZP_JOB_7_RunFolders_OneTempFolderPerSlot_MadeAgainWhenAStepRemovedIt_AndDiscardedWithTheRun()
    {
        var root = Directory.CreateTempSubdirectory("slipway-folders-").FullName;
        var folders = new RunFolders(Path.Combine(root, "7"), Path.Combine(root, "tools"), FolderJanitor.Immediate);
        var slots = new Slipway.Core.Orchestration.JobSlots(2);
        using var first = await slots.AcquireAsync(CancellationToken.None);
        using var second = await slots.AcquireAsync(CancellationToken.None);

        var slot1 = folders.TempFor(first, Path.Combine(root, "7", "gh1"), ["_github_workflow"]);
        var slot2 = folders.TempFor(second, Path.Combine(root, "7", "gh2"), ["_github_workflow"]);
        Assert.NotEqual(slot1, slot2);
        Assert.Equal(slot1, folders.TempFor(first, Path.Combine(root, "7", "gh3"), ["_github_workflow"]));
        await File.WriteAllTextAsync(Path.Combine(slot1, "_github_workflow", "event.json"), "{}");
        folders.ReleaseTemp(slot1, ["_github_workflow"]); // a job's end: emptied, kept for the slot's next job
        Assert.Empty(Directory.EnumerateFiles(slot1, "*", SearchOption.AllDirectories));
        Directory.Delete(slot1, recursive: true); // a step's rm -rf "$RUNNER_TEMP"
        Assert.True(Directory.Exists(Path.Combine(folders.TempFor(first, Path.Combine(root, "7", "gh4"), ["_github_workflow"]), "_github_workflow")));
        Assert.True(Directory.Exists(folders.Tools));

        var own = folders.TempFor(null, Path.Combine(root, "7", "gh5"), []); // a job without a slot: its own, thrown away
        Assert.Equal(Path.Combine(root, "7", "gh5", "_temp"), own);
        folders.ReleaseTemp(own, []);
        Assert.False(Directory.Exists(own));

        folders.DiscardTemps();
        Assert.Equal("_temp", Path.GetFileName(slot1)); // as the agent's and the runner's
        Assert.False(Directory.Exists(slot1));
        Assert.False(Directory.Exists(slot2));
        Directory.Delete(root, recursive: true);
    }
}
