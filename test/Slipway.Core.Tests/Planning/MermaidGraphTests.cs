using Slipway.Core.Planning.Rendering;
using Slipway.Core.Tests.Pipelines;

namespace Slipway.Core.Tests.Planning;

public sealed class MermaidGraphTests
{
    [Fact]
    public void Graph_HasOneSubgraphPerStage_AndAnEdgePerDependency()
    {
        var plan = Azure.Valid("stages:\n- stage: A\n  jobs:\n  - job: J1\n    steps:\n    - script: x\n  - job: J2\n    dependsOn: J1\n    steps:\n    - script: x\n- stage: B\n  displayName: Deploy \"it\"\n  jobs:\n  - deployment: D\n    environment: e\n    strategy:\n      runOnce:\n        deploy:\n          steps:\n          - script: x\n");
        var lines = MermaidGraph.Render(plan).Split('\n');
        Assert.Equal("flowchart LR", lines[0]);
        Assert.Contains("  subgraph s1[\"A\"]", lines);
        Assert.Contains("  subgraph s2[\"Deploy #quot;it#quot; (B)\"]", lines);
        Assert.Contains("    s1_j1 --> s1_j2", lines);
        Assert.Contains("    s2_j1[[\"D\"]]", lines);
        Assert.Contains("  s1 --> s2", lines);
    }

    [Fact]
    public void Graph_MarksMatrixAndParallelJobs()
    {
        var plan = Azure.Valid("jobs:\n- job: M\n  strategy:\n    matrix:\n      a:\n        x: 1\n      b:\n        x: 2\n  steps:\n  - script: x\n- job: P\n  strategy:\n    parallel: 3\n  steps:\n  - script: x\n");
        var text = MermaidGraph.Render(plan);
        Assert.Contains("s1_j1[\"M ×2\"]", text, StringComparison.Ordinal);
        Assert.Contains("s1_j2[\"P ×3\"]", text, StringComparison.Ordinal);
    }
}
