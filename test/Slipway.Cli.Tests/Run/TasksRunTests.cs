namespace Slipway.Cli.Tests.Run;

/// <summary>
/// Built-in tasks, artifacts, caches, test results and task packages through <c>slipway run</c>
/// (issue section 3; spec §1.3, AZP-DEPL-3, §9).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TasksRunTests
{
    private static readonly string CacheDir = Directory.CreateTempSubdirectory("slipway-cache-").FullName;

    static TasksRunTests()
    {
        // Cache@2 keeps its cache under SLIPWAY_CACHE_DIR; keys below are unique per test.
        Environment.SetEnvironmentVariable("SLIPWAY_CACHE_DIR", CacheDir);
    }

    [Fact]
    public async Task AZP_DEPL_3_DeployHookDownloadsArtifacts_PublishShorthand_TaskPackageOutput()
    {
        var h = new RunHarness();
        var tasks = TaskPackages.CopyTo(h.Dir);
        var run = await h.RunAsync("""
            stages:
            - stage: Build
              jobs:
              - job: Compile
                steps:
                - checkout: none
                - bash: mkdir -p out && echo hello > out/app.txt
                - publish: out
                  artifact: app
                - task: SlipwayGreet@1
                  name: greet
                  inputs:
                    message: world
            - stage: Deploy
              jobs:
              - deployment: Ship
                environment: dev
                variables:
                  g: $[ stageDependencies.Build.Compile.outputs['greet.GreetingOut'] ]
                strategy:
                  runOnce:
                    deploy:
                      steps:
                      - bash: cat "$(Pipeline.Workspace)/app/app.txt"; echo "g=$(g)"
            """, "--tasks-dir", tasks);
        Assert.Equal("Succeeded", run.Result);
        Assert.Contains("greeting=world", run.Lines("Build/Compile"));
        Assert.Contains("hello", run.Lines("Deploy/Ship"));
        Assert.Contains("g=world!", run.Lines("Deploy/Ship"));
    }

    [Fact]
    public async Task SchemaStepsDownload_LaterJobDownloadsCurrentArtifact_DuplicatePublishFails()
    {
        var run = await new RunHarness().RunAsync("""
            jobs:
            - job: A
              steps:
              - checkout: none
              - bash: mkdir -p out && echo one > out/f.txt
              - publish: out
                artifact: drop
              - publish: out
                artifact: drop
                name: again
                continueOnError: true
            - job: B
              dependsOn: A
              steps:
              - checkout: none
              - download: current
                artifact: drop
              - bash: cat "$(Pipeline.Workspace)/drop/f.txt"
            """);
        Assert.Equal("SucceededWithIssues", run.RecordResult("__default.A.again"));
        Assert.Contains(run.Issues(), i => i.GetProperty("message").GetString()!.Contains("already exists", StringComparison.Ordinal));
        Assert.Contains("one", run.Lines("B"));
    }

    [Fact]
    public async Task TaskRef_Cache2_FirstRunSavesAfterTheJob_SecondRunRestores()
    {
        var h = new RunHarness();
        var key = Guid.NewGuid().ToString("N");
        var yaml = $$"""
            steps:
            - checkout: none
            - bash: echo v1 > deps.lock
            - task: Cache@2
              inputs:
                key: 'e2e-{{key}} | "$(Agent.OS)" | deps.lock'
                path: $(Pipeline.Workspace)/cachedir
                cacheHitVar: HIT
            - bash: |
                echo "hit=$(HIT)"
                mkdir -p "$(Pipeline.Workspace)/cachedir" && echo payload > "$(Pipeline.Workspace)/cachedir/data.txt"
            """;
        var first = await h.RunAsync(yaml);
        Assert.True(first.Result == "Succeeded", first.Out);
        Assert.Contains("hit=false", first.Lines("Job"));
        var second = await h.RunAsync(yaml.Replace("echo payload >", "cat", StringComparison.Ordinal));
        Assert.Contains("hit=true", second.Lines("Job"));
        Assert.Contains("payload", second.Lines("Job"));
    }

    [Fact]
    public async Task TaskRef_PublishTestResults2_FailTaskOnFailedTests_ReportCountsTests()
    {
        var h = new RunHarness();
        h.Write("TEST-calc.xml", """
            <testsuite name="calc"><testcase classname="c" name="ok"/><testcase classname="c" name="bad"><failure message="no"/></testcase></testsuite>
            """);
        var run = await h.RunAsync("""
            steps:
            - task: PublishTestResults@2
              inputs:
                testResultsFormat: JUnit
                testResultsFiles: '**/TEST-*.xml'
                failTaskOnFailedTests: true
            """);
        Assert.Equal(1, run.Code);
        var tests = Assert.Single(run.Json.GetProperty("tests").EnumerateArray());
        Assert.Equal(2, tests.GetProperty("total").GetInt32());
        Assert.Equal(1, tests.GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task TaskRef_PublishCodeCoverageResults2_CoberturaSummaryInTheLog()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - bash: |
                cat > coverage.cobertura.xml <<'XML'
                <coverage><packages><package name="p"><classes>
                <class name="A" filename="a.cs"><lines><line number="1" hits="1"/><line number="2" hits="0"/><line number="3" hits="2" branch="true" condition-coverage="50% (1/2)"/></lines></class>
                </classes></package></packages></coverage>
                XML
            - task: PublishCodeCoverageResults@2
              inputs:
                summaryFileLocation: '**/coverage.cobertura.xml'
            """);
        Assert.Equal("Succeeded", run.Result);
        Assert.Contains(run.Lines("Job"), l => l.StartsWith("Line coverage: 2/3", StringComparison.Ordinal) && l.Contains("branch coverage: 1/2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AZP_TASK_1_UnknownTaskIsAnErrorNamingItAndTasksDir()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - task: NoSuchTask@1
            """);
        Assert.Equal(2, run.Code);
        Assert.Contains("NoSuchTask@1", run.Err, StringComparison.Ordinal);
        Assert.Contains("--tasks-dir", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskRef_NodeTool0_MissingVersionFailsNamingInstalledVersions_UseDotNet2AcceptsInstalled()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - task: UseDotNet@2
              inputs:
                version: 10.x
            - task: NodeTool@0
              inputs:
                versionSpec: 4.x
            """);
        Assert.Equal("Succeeded", run.RecordResult("__default.Job.UseDotNet"));
        Assert.Equal("Failed", run.RecordResult("__default.Job.NodeTool"));
        Assert.Contains(run.Issues(), i => i.GetProperty("message").GetString()!.Contains("Installed Node.js versions", StringComparison.Ordinal));
    }
}
