namespace Slipway.Cli.Tests.Run;

/// <summary><c>--stage</c>, <c>--job</c> and <c>--parallel</c>.</summary>
[Trait("Category", "EndToEnd")]
public sealed class SelectionRunTests
{
    private const string Yaml = """
        stages:
        - stage: Build
          jobs:
          - job: Compile
            steps:
            - checkout: none
            - bash: echo "##vso[task.setvariable variable=v;isOutput=true]built"
              name: s
          - job: Lint
            steps:
            - checkout: none
            - script: echo lint ran
        - stage: Test
          jobs:
          - job: Unit
            variables:
              fromBuild: $[ stageDependencies.Build.Compile.outputs['s.v'] ]
            steps:
            - checkout: none
            - bash: echo "unit ran [$(fromBuild)]"
        """;

    [Fact]
    public async Task Stage_RunsOnlySelected_OthersSkippedWithEmptyOutputs()
    {
        var run = await new RunHarness().RunAsync(Yaml, "--stage", "Test");
        Assert.Equal(0, run.Code);
        Assert.Equal("Skipped", run.RecordResult("Build"));
        Assert.Contains("outputs are empty", run.RecordReason("Build"), StringComparison.Ordinal);
        Assert.Contains("unit ran []", run.Lines("Test/Unit"));
    }

    [Fact]
    public async Task Job_RunsOnlySelected_OthersSkipped()
    {
        var run = await new RunHarness().RunAsync(Yaml, "--job", "Build.Lint");
        Assert.Equal("Skipped", run.RecordResult("Build.Compile"));
        Assert.Equal("Succeeded", run.RecordResult("Build.Lint"));
        Assert.Equal("Skipped", run.RecordResult("Test"));
        Assert.Contains("lint ran", run.Lines("Build/Lint"));
    }

    [Fact]
    public async Task UnknownSelection_IsUsageError()
    {
        var run = await new RunHarness().RunAsync(Yaml, "--job", "Nope");
        Assert.Equal(2, run.Code);
        Assert.Contains("--job Nope", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_One_RunsJobsOneAtATime()
    {
        var run = await new RunHarness().RunAsync("""
            jobs:
            - job: A
              steps:
              - checkout: none
              - bash: mkdir ../../lock && sleep 0.3 && rmdir ../../lock
            - job: B
              steps:
              - checkout: none
              - bash: mkdir ../../lock && sleep 0.3 && rmdir ../../lock
            """, "--parallel", "1");
        Assert.Equal("Succeeded", run.Result);
    }
}
