using System.Collections.Concurrent;
using Slipway.Core.Orchestration;
using Slipway.Core.Runs;

namespace Slipway.Core.Tests.Orchestration;

public sealed class DagSchedulerTests
{
    private static DagNode<int> Node(string id, params string[] dependsOn) => new(id, 0, dependsOn);

    [Fact]
    public async Task AZP_DEP_1_NodeStartsOnlyAfterAllItsDependenciesFinished()
    {
        var finishedBefore = new ConcurrentDictionary<string, string[]>();
        var done = new ConcurrentBag<string>();
        var nodes = new[] { Node("A"), Node("B"), Node("C", "A", "B"), Node("D", "C") };
        await DagScheduler.RunAsync(nodes, async (node, results, ct) =>
        {
            finishedBefore[node.Id] = [.. results.Keys.Order()];
            await Task.Delay(node.Id == "A" ? 50 : 5, ct);
            done.Add(node.Id);
            return RunResult.Succeeded;
        }, default);
        Assert.Equal(["A", "B"], finishedBefore["C"]);
        Assert.Equal(["A", "B", "C"], finishedBefore["D"]);
        Assert.Empty(finishedBefore["A"]);
    }

    [Fact]
    public async Task AZP_DEP_2_IndependentNodesRunConcurrently()
    {
        var inside = 0;
        var most = 0;
        var nodes = Enumerable.Range(0, 8).Select(i => Node($"J{i}")).ToArray();
        await DagScheduler.RunAsync(nodes, async (_, _, ct) =>
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            await Task.Delay(100, ct);
            Interlocked.Decrement(ref inside);
            return RunResult.Succeeded;
        }, default);
        Assert.True(most >= 4, $"at most {most} ran at once");
    }

    [Fact]
    public async Task EveryNodeIsHandedOverOnce_EvenWhenADependencyFailed()
    {
        var seen = new ConcurrentBag<string>();
        var nodes = new[] { Node("A"), Node("B", "A"), Node("C", "B") };
        var results = await DagScheduler.RunAsync(nodes, (node, deps, _) =>
        {
            seen.Add(node.Id);
            var result = node.Id == "A" ? RunResult.Failed
                : deps.Values.All(r => r == RunResult.Succeeded) ? RunResult.Succeeded : RunResult.Skipped;
            return Task.FromResult(result);
        }, default);
        Assert.Equal(3, seen.Count);
        Assert.Equal(RunResult.Failed, results["A"]);
        Assert.Equal(RunResult.Skipped, results["B"]);
        Assert.Equal(RunResult.Skipped, results["C"]);
    }

    [Fact]
    public async Task Cycle_IsRejected()
    {
        var nodes = new[] { Node("A", "B"), Node("B", "A") };
        await Assert.ThrowsAsync<ArgumentException>(() => DagScheduler.RunAsync(nodes, (_, _, _) => Task.FromResult(RunResult.Succeeded), default));
    }

    [Fact]
    public async Task JobSlots_LimitConcurrency()
    {
        var slots = new JobSlots(2);
        var inside = 0;
        var most = 0;
        var nodes = Enumerable.Range(0, 10).Select(i => Node($"J{i}")).ToArray();
        await DagScheduler.RunAsync(nodes, async (_, _, ct) =>
        {
            using var lease = await slots.AcquireAsync(ct);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            await Task.Delay(20, ct);
            Interlocked.Decrement(ref inside);
            return RunResult.Succeeded;
        }, default);
        Assert.Equal(2, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

public sealed class DagSchedulerFailureTests
{
    [Fact]
    public async Task UnexpectedException_SettlesTheGraphThenSurfaces()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        var nodes = new[] { new DagNode<int>("A", 0, []), new DagNode<int>("B", 0, ["A"]) };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DagScheduler.RunAsync(nodes, (node, _, _) =>
        {
            seen.Add(node.Id);
            return node.Id == "A" ? throw new InvalidOperationException("boom") : Task.FromResult(RunResult.Skipped);
        }, default));
        Assert.Equal("boom", error.Message);
        Assert.Contains("B", seen);
    }
}
