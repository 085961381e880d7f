using System.Globalization;
using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Tests.Runtime.Workspace;

/// <summary>The work folder keeps the job folders of recent runs; older ones are deleted in the background.</summary>
public sealed class WorkRetentionTests
{
    [Fact]
    public async Task Prune_WhenTwiceKeepRunsExist_KeepsTheNewest_TheCurrentAndTheRunningOnes()
    {
        var work = Directory.CreateTempSubdirectory("slipway-work-").FullName;
        string? Env(string name) => name == "SLIPWAY_WORK_DIR" ? work : null;
        var repo = "/src/retention/app";
        for (var id = 1; id <= 20; id++)
        {
            Directory.CreateDirectory(Path.Combine(WorkFolder.ForRun(repo, id, Env), "1", "s"));
        }

        Assert.False(WorkRetention.IsDue(repo, 20, keep: 10, Env)); // 19 other runs: not yet (due from 2 x keep)
        Directory.CreateDirectory(WorkFolder.ForRun(repo, 21, Env));
        Assert.True(WorkRetention.IsDue(repo, 21, keep: 10, Env));

        var janitor = FolderJanitor.Start(WorkFolder.TrashFor(repo, Env));
        var pruned = WorkRetention.Prune(repo, 21, keep: 10, janitor, running: new HashSet<long> { 3 }, environment: Env);

        // 20 older runs: all but the newest 9 go (1-11), except run 3, which the store says is still running.
        Assert.Equal(10, pruned);
        var left = WorkFolder.Runs(repo, Env).Select(r => r.RunId).ToList();
        Assert.Equal([3L, .. Enumerable.Range(12, 10).Select(i => (long)i)], left);
        await janitor.DisposeAsync();

        // Whatever the janitor did not finish is in the trash, and a later run's janitor deletes it.
        var next = FolderJanitor.Start(WorkFolder.TrashFor(repo, Env));
        var trash = WorkFolder.TrashFor(repo, Env);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Directory.EnumerateFileSystemEntries(trash).Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await next.DisposeAsync();
        Assert.Empty(Directory.EnumerateFileSystemEntries(trash));
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public void Keep_ReadsTheVariable_AtLeastOne()
    {
        Assert.Equal(WorkRetention.DefaultKeep, WorkRetention.Keep(_ => null));
        Assert.Equal(3, WorkRetention.Keep(n => n == WorkRetention.KeepVariable ? "3" : null));
        Assert.Equal(1, WorkRetention.Keep(n => n == WorkRetention.KeepVariable ? "0" : null));
        Assert.Equal(WorkRetention.DefaultKeep, WorkRetention.Keep(n => n == WorkRetention.KeepVariable ? "many" : null));
    }

    [Fact]
    public async Task DiscardInBackground_MovesAtOnce_AndARunEndingFirstLeavesTheRestInTheTrash()
    {
        var root = Directory.CreateTempSubdirectory("slipway-janitor-").FullName;
        var trash = Path.Combine(root, ".trash");
        var old = Path.Combine(root, "7");
        for (var job = 1; job <= 2000; job++) // far more than the janitor deletes before DisposeAsync is called
        {
            Directory.CreateDirectory(Path.Combine(old, job.ToString(CultureInfo.InvariantCulture), "s"));
        }

        var janitor = FolderJanitor.Start(trash);
        janitor.DiscardInBackground(old);
        Assert.False(Directory.Exists(old));
        await janitor.DisposeAsync(); // does not wait for the old run's folders

        var leftover = Directory.EnumerateDirectories(trash).ToList();
        Assert.NotEmpty(leftover);
        Assert.NotEmpty(Directory.EnumerateDirectories(leftover[0]));
        Assert.All(leftover, d => Assert.StartsWith(FolderJanitor.BackgroundPrefix, Path.GetFileName(d), StringComparison.Ordinal));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task DiscardWhenIdle_GoesToTheTrashForLater_OrIsDeletedAtOnceWithoutOne()
    {
        var root = Directory.CreateTempSubdirectory("slipway-janitor-").FullName;
        var slot = Path.Combine(root, "_slot1");
        Directory.CreateDirectory(Path.Combine(slot, "_temp", "_runner_file_commands"));
        await File.WriteAllTextAsync(Path.Combine(slot, "_temp", "_runner_file_commands", "set_env_1"), string.Empty);
        var janitor = FolderJanitor.Start(Path.Combine(root, ".trash"));

        janitor.DiscardWhenIdle(slot);

        Assert.False(Directory.Exists(slot));
        await janitor.DisposeAsync(); // deleted meanwhile, or left in the trash for the next run
        Assert.All(Directory.EnumerateDirectories(Path.Combine(root, ".trash")), d => Assert.StartsWith(FolderJanitor.BackgroundPrefix, Path.GetFileName(d), StringComparison.Ordinal));

        Directory.CreateDirectory(Path.Combine(slot, "_temp"));
        FolderJanitor.Immediate.DiscardWhenIdle(slot);
        Assert.False(Directory.Exists(slot));
        Directory.Delete(root, recursive: true);
    }
}
