using Slipway.Core.Orchestration;

namespace Slipway.Core.Tests.Orchestration;

/// <summary>--parallel N: at most N holders, each lease naming its own slot (the slot's temp folder is its alone).</summary>
public sealed class JobSlotsTests
{
    [Fact]
    public async Task Leases_NameDistinctSlots_AReleasedSlotIsTheNextOnesToHave()
    {
        var slots = new JobSlots(2);
        var a = await slots.AcquireAsync(CancellationToken.None);
        var b = await slots.AcquireAsync(CancellationToken.None);
        Assert.Equal([0, 1], new[] { a.Number, b.Number }.Order());

        var third = slots.AcquireAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);
        b.Dispose();
        b.Dispose(); // once only: a second dispose gives nothing back twice
        var c = await third;
        Assert.Equal(b.Number, c.Number);
        Assert.False(slots.AcquireAsync(CancellationToken.None).IsCompleted);
        a.Dispose();
        c.Dispose();
    }

    [Fact]
    public async Task Waiters_AreServedInOrder_ACanceledOneIsSkipped()
    {
        var slots = new JobSlots(1);
        var held = await slots.AcquireAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var first = slots.AcquireAsync(CancellationToken.None);
        var canceled = slots.AcquireAsync(cancel.Token);
        var third = slots.AcquireAsync(CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => canceled);
        held.Dispose();
        Assert.True(first.IsCompletedSuccessfully);
        Assert.False(third.IsCompleted);
        (await first).Dispose();
        Assert.Equal(held.Number, (await third).Number);
    }

    [Fact]
    public async Task ARelease_StartsTheNextWaitersJob_OnTheReleasingThread_BeforeItReturns()
    {
        var slots = new JobSlots(1);
        var held = await slots.AcquireAsync(CancellationToken.None);
        int? startedOn = null;
        var next = WaitThenRecordAsync();

        // On a pool thread, as in a run (a synchronization context, as the test framework's, forbids inlining).
        var (releasingThread, startedBeforeReturn) = await Task.Run(() =>
        {
            held.Dispose();
            return (Environment.CurrentManagedThreadId, startedOn);
        });

        Assert.Equal(releasingThread, startedBeforeReturn);
        (await next).Dispose();

        async Task<JobSlots.Lease> WaitThenRecordAsync()
        {
            var lease = await slots.AcquireAsync(CancellationToken.None).ConfigureAwait(false);
            startedOn = Environment.CurrentManagedThreadId;
            return lease;
        }
    }

    [Fact]
    public async Task JobsThatGiveTheirSlotBackAtOnce_AllRunOnce()
    {
        // 20,000 queued jobs that each give their slot back as soon as they have it (all steps skipped).
        var slots = new JobSlots(1);
        var held = await slots.AcquireAsync(CancellationToken.None);
        var ran = 0;
        var jobs = Enumerable.Range(0, 20_000).Select(_ => RunAsync()).ToList();
        await Task.Run(held.Dispose); // a pool thread, where continuations may run inline
        await Task.WhenAll(jobs).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(20_000, ran);
        (await slots.AcquireAsync(CancellationToken.None)).Dispose();

        async Task RunAsync()
        {
            using var lease = await slots.AcquireAsync(CancellationToken.None).ConfigureAwait(false);
            Interlocked.Increment(ref ran);
        }
    }
}
