using Slipway.Core.Orchestration;

namespace Slipway.Core.Tests.Orchestration;

/// <summary>--parallel N: at most N holders, each lease naming its own slot (the slot's temp folder is its alone).</summary>
public sealed class JobSlotsTests
{
    [Fact]
    public async Task Leases_NameDistinctSlots_AReleasedSlotIsTheNextOnesToHave()
    {
        using var slots = new JobSlots(2);
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
}
