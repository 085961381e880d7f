using System.Diagnostics;
using Slipway.Core.Runtime.GitHub.Workflows;

namespace Slipway.Core.Tests.Runtime.GitHub.Workflows;

/// <summary>GHA-WF-10 across processes: the file protocol under <c>.slipway/concurrency</c> (each <see cref="ConcurrencyLocks"/> stands for one process).</summary>
public sealed class ConcurrencyLocksTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("slipway-concurrency-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task GHA_WF_10_Waiter_GetsTheLock_WhenTheHolderReleasesIt()
    {
        var holder = await Locks().AcquireAsync("deploy", false, CancellationToken.None);
        Assert.NotNull(holder);

        var waiter = Locks().AcquireAsync("DEPLOY", false, CancellationToken.None);
        await Task.Delay(ConcurrencyLocks.PollInterval * 3);
        Assert.False(waiter.IsCompleted);

        holder.Dispose();
        using var next = await waiter.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(next);
    }

    [Fact]
    public async Task GHA_WF_10_NewerWaiter_ReplacesTheOlderWaiter()
    {
        using var holder = await Locks().AcquireAsync("g", false, CancellationToken.None);
        var older = Locks().AcquireAsync("g", false, CancellationToken.None);
        await Task.Delay(ConcurrencyLocks.PollInterval * 2);
        var newer = Locks().AcquireAsync("g", false, CancellationToken.None);

        Assert.Null(await older.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(newer.IsCompleted);
        holder!.Dispose();
        using var lease = await newer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(lease);
    }

    [Fact]
    public async Task GHA_WF_10_CancelInProgress_AsksTheHolderToCancel()
    {
        using var holder = await Locks().AcquireAsync("g", false, CancellationToken.None);
        var waiter = Locks().AcquireAsync("g", true, CancellationToken.None);

        await holder!.CancelRequested.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(waiter.IsCompleted);
        holder.Dispose();
        using var lease = await waiter.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(lease);
    }

    [Fact]
    public async Task GHA_WF_10_ALockHeldByADeadProcess_DoesNotBlock()
    {
        // flock(1) takes the same OS lock .NET takes for FileShare.None; the process is then killed.
        var folder = Path.Combine(_dir.FullName, ConcurrencyLocks.Key("g"));
        Directory.CreateDirectory(folder);
        var ready = Path.Combine(_dir.FullName, "ready");
        using var other = Process.Start("flock", [Path.Combine(folder, "lock"), "sh", "-c", $"touch '{ready}' && exec sleep 600"]);
        while (!File.Exists(ready))
        {
            Assert.False(other.HasExited);
            await Task.Delay(50);
        }

        var waiter = Locks().AcquireAsync("g", false, CancellationToken.None);
        await Task.Delay(ConcurrencyLocks.PollInterval * 3);
        Assert.False(waiter.IsCompleted);

        other.Kill(entireProcessTree: true);
        await other.WaitForExitAsync();
        using var lease = await waiter.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(lease);
    }

    [Fact]
    public async Task GHA_WF_10_CanceledWhileWaiting_ReturnsNull_AndLeavesNoPendingTicket()
    {
        using var holder = await Locks().AcquireAsync("g", false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiter = Locks().AcquireAsync("g", false, cancel.Token);
        await Task.Delay(ConcurrencyLocks.PollInterval);

        await cancel.CancelAsync();

        Assert.Null(await waiter.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(File.Exists(Path.Combine(_dir.FullName, ConcurrencyLocks.Key("g"), "pending")));
    }

    private ConcurrencyLocks Locks() => new(_dir.FullName, TimeProvider.System);
}
