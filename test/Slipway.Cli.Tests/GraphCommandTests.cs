namespace Slipway.Cli.Tests;

public sealed class GraphCommandTests
{
    [Fact]
    public async Task Graph_PrintsAMermaidFlowchart_WithStageAndJobEdges()
    {
        var (code, stdout, stderr) = await new CliRun().RunAsync("graph", CliRun.Example("fan-out-fan-in"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(stderr);
        var lines = stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("flowchart LR", lines[0]);
        Assert.Contains("  subgraph s4[\"Package\"]", lines);
        Assert.Contains("    s4_j1 --> s4_j2", lines); // Pack -> Sign
        Assert.Contains("  s2 --> s4", lines);         // UnitTests -> Package
        Assert.Contains("  s3 --> s4", lines);         // Lint -> Package
        Assert.Equal(7, lines.Count(l => l.StartsWith("  s", StringComparison.Ordinal) && l.Contains("-->", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Graph_CycleIsAnError_NamingTheCycle()
    {
        var cli = new CliRun();
        cli.Write("ci.yml", "stages:\n- stage: A\n  dependsOn: B\n  jobs:\n  - job: J\n    steps:\n    - script: x\n- stage: B\n  jobs:\n  - job: J\n    steps:\n    - script: x\n");
        var (code, stdout, stderr) = await cli.RunAsync("graph", "ci.yml", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Empty(stdout);
        Assert.Equal("ci.yml(3,14): error SLW4305: The stages in the pipeline depend on each other in a cycle: A -> B -> A.", stderr.Trim());
    }
}
