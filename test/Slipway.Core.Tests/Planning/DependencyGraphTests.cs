using Slipway.Core.Planning;

namespace Slipway.Core.Tests.Planning;

public sealed class DependencyGraphTests
{
    private static (string, IReadOnlyList<string>) N(string name, params string[] deps) => (name, deps);

    [Fact]
    public void AZP_DEP_1_NoCycle_InAFanOutFanIn()
    {
        Assert.Empty(DependencyGraph.FindCycles([N("A"), N("B", "A"), N("C", "A"), N("D", "B", "C")]));
    }

    [Fact]
    public void AZP_DEP_1_Cycle_IsReportedAlongItsPath()
    {
        var cycle = Assert.Single(DependencyGraph.FindCycles([N("A", "C"), N("B", "A"), N("C", "B"), N("D")]));
        Assert.Equal(["A", "C", "B", "A"], cycle);
    }

    [Fact]
    public void Names_CompareCaseInsensitively_AndUnknownDependenciesAreIgnored()
    {
        Assert.Single(DependencyGraph.FindCycles([N("a", "B"), N("b", "A")]));
        Assert.Empty(DependencyGraph.FindCycles([N("a", "missing")]));
    }

    [Fact]
    public void TopologicalOrder_PutsDependenciesFirst_OrNullForACycle()
    {
        Assert.Equal(["A", "C", "B"], DependencyGraph.TopologicalOrder([N("B", "C"), N("A"), N("C", "A")]));
        Assert.Null(DependencyGraph.TopologicalOrder([N("A", "B"), N("B", "A")]));
    }

    [Fact]
    public void LongChains_DoNotExhaustTheStack()
    {
        var nodes = Enumerable.Range(0, 200_000).Select(i => N($"S{i}", i == 0 ? [] : [$"S{i - 1}"])).ToList();
        Assert.Empty(DependencyGraph.FindCycles(nodes));
        var order = DependencyGraph.TopologicalOrder(nodes)!;
        Assert.Equal(200_000, order.Count);
        Assert.Equal("S0", order[0]);
        nodes[0] = N("S0", "S199999");
        Assert.Equal(200_001, Assert.Single(DependencyGraph.FindCycles(nodes)).Count);
    }
}
