namespace Slipway.Cli.Tests.Run;

/// <summary>Conditions, results and their roll-up (AZP-COND-1..8, AZP-DEP-1..6; TC-07, TC-32, TC-33, TC-58, TC-61, TC-70, TC-72).</summary>
[Trait("Category", "EndToEnd")]
public sealed class ConditionsRunTests
{
    private const string Skipped = """
        jobs:
        - job: a
          condition: false
          steps:
          - script: echo a
        - job: b
          steps:
          - checkout: none
          - script: echo b
        - job: c
          dependsOn: [a, b]
          CONDITION
          steps:
          - checkout: none
          - script: echo c ran
        """;

    [Fact]
    public async Task TC_07_SkippedDependency_CustomConditionRuns_DefaultSkips()
    {
        var custom = await new RunHarness().RunAsync(Skipped.Replace("CONDITION",
            "condition: and(in(dependencies.a.result,'Succeeded','SucceededWithIssues','Skipped'), in(dependencies.b.result,'Succeeded','SucceededWithIssues','Skipped'))",
            StringComparison.Ordinal));
        Assert.Equal("Skipped", custom.RecordResult("__default.a"));
        Assert.Equal("Succeeded", custom.RecordResult("__default.b"));
        Assert.Equal("Succeeded", custom.RecordResult("__default.c"));

        var plain = await new RunHarness().RunAsync(Skipped.Replace("CONDITION", string.Empty, StringComparison.Ordinal));
        Assert.Equal("Skipped", plain.RecordResult("__default.c"));
        Assert.Equal(0, plain.Code);
    }

    [Fact]
    public async Task TC_61_CustomCondition_DropsImplicitSucceeded()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - script: exit 1
            - script: echo default skipped
            - script: echo custom ran
              condition: eq(variables['Agent.OS'], 'Linux')
            """);
        Assert.Equal(1, run.Code);
        Assert.Equal("Failed", run.Result);
        Assert.Equal("Skipped", run.RecordResult("__default.Job.CmdLine1"));
        Assert.Equal("Succeeded", run.RecordResult("__default.Job.CmdLine2"));
    }

    [Fact]
    public async Task TC_70_ContinueOnErrorJob_ReportsSucceededWithIssues()
    {
        var run = await new RunHarness().RunAsync("""
            jobs:
            - job: A
              continueOnError: true
              steps:
              - checkout: none
              - script: exit 1
            - job: B
              dependsOn: A
              condition: eq(dependencies.A.result,'SucceededWithIssues')
              steps:
              - checkout: none
              - script: echo B ran
            """);
        Assert.Equal("Succeeded", run.RecordResult("__default.B"));
        Assert.Equal(0, run.Code);

        // "job A succeeded with issues" (docs, process/conditions FAQ): its own record, the summary and the report
        // say so; the step that failed stays Failed.
        Assert.Equal("SucceededWithIssues", run.RecordResult("__default.A"));
        Assert.Equal("Failed", run.RecordResult("__default.A.CmdLine"));
        Assert.Equal("SucceededWithIssues", run.Result);
        Assert.Matches(@"(?m)^  A +Succeeded with issues ", run.Out);
        Assert.DoesNotMatch(@"(?m)^  A +Failed", run.Out);
    }

    [Fact]
    public async Task TC_72_VariableSetInStep_DrivesLaterStepCondition()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - bash: echo "##vso[task.setvariable variable=doThing]Yes"
            - bash: echo "DOTHING=$DOTHING"
              condition: and(succeeded(), eq(variables['doThing'], 'Yes'))
            """);
        Assert.Contains("DOTHING=Yes", run.Lines("Job"));
    }

    [Fact]
    public async Task AZP_DEP_3_FailedDependency_SkipsDependantsTransitively_FailedFunctionRuns()
    {
        var run = await new RunHarness().RunAsync("""
            jobs:
            - job: A
              steps:
              - checkout: none
              - script: exit 2
            - job: B
              dependsOn: A
              condition: always()
              steps:
              - checkout: none
            - job: C
              dependsOn: B
              steps:
              - checkout: none
            - job: D
              dependsOn: A
              condition: failed()
              steps:
              - checkout: none
            """);
        Assert.Equal("Failed", run.RecordResult("__default.A"));
        Assert.Equal("Succeeded", run.RecordResult("__default.B"));
        Assert.Equal("Skipped", run.RecordResult("__default.C"));
        Assert.Equal("Succeeded", run.RecordResult("__default.D"));
        Assert.Equal("Failed", run.Result);
    }

    [Fact]
    public async Task TC_58_StageDependsOnEmpty_RunsWithoutWaiting_DefaultIsPreviousStage()
    {
        var run = await new RunHarness().RunAsync("""
            stages:
            - stage: One
              jobs:
              - job: J
                steps:
                - checkout: none
                - script: exit 1
            - stage: Two
              jobs:
              - job: J
                steps:
                - checkout: none
            - stage: Three
              dependsOn: []
              jobs:
              - job: J
                steps:
                - checkout: none
            """);
        Assert.Equal("Failed", run.RecordResult("One"));
        Assert.Equal("Skipped", run.RecordResult("Two"));
        Assert.Equal("Succeeded", run.RecordResult("Three"));
    }

    [Fact]
    public async Task TC_32_MatrixMaxParallel_LegsWithOwnVariablesAndDisplayNames()
    {
        var run = await new RunHarness().RunAsync("""
            jobs:
            - job: Build
              strategy:
                maxParallel: 2
                matrix:
                  Python35:
                    PYTHON_VERSION: '3.5'
                  Python36:
                    PYTHON_VERSION: '3.6'
                  Python37:
                    PYTHON_VERSION: '3.7'
              steps:
              - checkout: none
              - bash: |
                  echo "version $PYTHON_VERSION"
                  mkdir -p "$(Agent.WorkFolder)/../running" && touch "$(Agent.WorkFolder)/../running/$(System.JobPositionInPhase)"
                  sleep 0.5
                  echo "concurrent $(ls "$(Agent.WorkFolder)/../running" | wc -l)"
                  rm "$(Agent.WorkFolder)/../running/$(System.JobPositionInPhase)"
            """, "--parallel", "4");
        Assert.Contains("version 3.5", run.Lines("Build Python35"));
        Assert.Contains("version 3.6", run.Lines("Build Python36"));
        Assert.Contains("version 3.7", run.Lines("Build Python37"));
        var concurrency = run.Out.Split('\n').Where(l => l.Contains("] concurrent ", StringComparison.Ordinal)).Select(l => int.Parse(l.Trim()[^1..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(concurrency, c => Assert.InRange(c, 1, 2));
    }

    [Fact]
    public async Task TC_33_ParallelSlicing_PositionAndTotal()
    {
        var run = await new RunHarness().RunAsync("""
            jobs:
            - job: Test
              strategy:
                parallel: 4
              steps:
              - checkout: none
              - bash: echo "slice $(System.JobPositionInPhase) of $SYSTEM_TOTALJOBSINPHASE"
            """);
        for (var i = 1; i <= 4; i++)
        {
            Assert.Contains($"slice {i} of 4", run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TC_16_RuntimeMatrix_FromOutputVariable()
    {
        var run = await new RunHarness().RunAsync("""
            jobs:
            - job: gen
              steps:
              - checkout: none
              - bash: echo '##vso[task.setvariable variable=legs;isOutput=true]{"a":{"myvar":"A"},"b":{"myvar":"B"}}'
                name: mtrx
            - job: use
              dependsOn: gen
              strategy:
                matrix: $[ dependencies.gen.outputs['mtrx.legs'] ]
              steps:
              - checkout: none
              - bash: echo "leg var $(myvar)"
            """);
        Assert.Contains("leg var A", run.Lines("use a"));
        Assert.Contains("leg var B", run.Lines("use b"));
    }

    [Fact]
    public async Task AZP_DEP_4_ExitCodes_FailedRunIsOne_InvalidPipelineIsTwo()
    {
        var failed = await new RunHarness().RunAsync("steps:\n- checkout: none\n- script: exit 7\n");
        Assert.Equal(1, failed.Code);
        Assert.Contains(failed.Records(), r => r.TryGetProperty("exitCode", out var exit) && exit.ValueKind == System.Text.Json.JsonValueKind.Number && exit.GetInt32() == 7);
        var invalid = await new RunHarness().RunAsync("steps:\n- scriptt: echo hi\n");
        Assert.Equal(2, invalid.Code);
        Assert.Null(invalid.Report);
    }
}
