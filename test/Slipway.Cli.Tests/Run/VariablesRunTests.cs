namespace Slipway.Cli.Tests.Run;

/// <summary>Variables at run time (spec §3, TC-01, TC-02, TC-12..19), end to end through <c>slipway run</c>.</summary>
[Trait("Category", "EndToEnd")]
public sealed class VariablesRunTests
{
    [Fact]
    public async Task TC_01_StepsOnlyPipeline_ImplicitStageJobAndCheckout_LogsHi()
    {
        var run = await new RunHarness().RunAsync("steps:\n- script: echo hi\n");
        Assert.Equal(0, run.Code);
        Assert.Contains("hi", run.Lines("Job"));
        Assert.Equal("Succeeded", run.RecordResult("__default.Job"));
        Assert.Equal("Succeeded", run.RecordResult("__default.Job.Checkout"));
        Assert.Equal("Succeeded", run.RecordResult("__default.Job.CmdLine"));
    }

    [Fact]
    public async Task TC_02_RuntimeExpressionVariable_OnMain_IsTrue()
    {
        var harness = new RunHarness();
        harness.Write("README.md", "x");
        harness.InitGit("main");
        var run = await harness.RunAsync("""
            variables:
              staticVar: 'my value'
              isMain: $[eq(variables['Build.SourceBranch'], 'refs/heads/main')]
            steps:
            - checkout: none
            - script: |
                echo $(staticVar)
                echo $(isMain)
            """);
        Assert.Equal(0, run.Code);
        var lines = run.Lines("Job");
        Assert.Contains("my value", lines);
        Assert.Contains("True", lines);
    }

    [Fact]
    public async Task TC_12_ScopePrecedence_JobWinsOverStageAndPipeline()
    {
        var run = await new RunHarness().RunAsync("""
            variables:
              a: 'pipeline yaml'
            stages:
            - stage: S
              variables:
                a: 'stage yaml'
              jobs:
              - job: J
                variables:
                  a: 'job yaml'
                steps:
                - checkout: none
                - bash: echo $(a)
            """);
        Assert.Equal(0, run.Code);
        Assert.Contains("job yaml", run.Lines("S/J"));
    }

    [Fact]
    public async Task TC_13_SameScope_LastWins()
    {
        var run = await new RunHarness().RunAsync("""
            variables:
            - name: a
              value: alpha
            - name: a
              value: beta
            steps:
            - checkout: none
            - bash: echo "a=$(a)"
            """);
        Assert.Contains("a=beta", run.Lines("Job"));
    }

    [Fact]
    public async Task TC_14_ExpansionTiming_SetVariableSeenByLaterStepsOnly()
    {
        var run = await new RunHarness().RunAsync("""
            variables:
              a: 10
            steps:
            - checkout: none
            - bash: |
                echo "first $(a)"
                echo '##vso[task.setvariable variable=a]20'
                echo "again $(a)"
            - bash: echo "second $(a)"
            """);
        var lines = run.Lines("Job");
        Assert.Contains("first 10", lines);
        Assert.Contains("again 10", lines);
        Assert.Contains("second 20", lines);
    }

    [Fact]
    public async Task TC_15_RecursiveMacro_InScriptAndDisplayName()
    {
        var run = await new RunHarness().RunAsync("""
            variables:
              myInner: someValue
              myOuter: $(myInner)
            steps:
            - checkout: none
            - script: echo "value $(myOuter)"
              displayName: Variable is $(myOuter)
            """);
        Assert.Contains("value someValue", run.Lines("Job"));
        Assert.Contains(run.Records(), r => r.GetProperty("displayName").GetString() == "Variable is someValue");
    }

    [Fact]
    public async Task AZP_VAR_1_UndefinedMacro_StaysLiteral()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - bash: echo 'value=$(notDefined)'
            """);
        Assert.Contains("value=$(notDefined)", run.Lines("Job"));
    }

    [Fact]
    public async Task TC_17_EnvironmentMapping_UpperCaseAndDotsToUnderscores()
    {
        var run = await new RunHarness().RunAsync("""
            variables:
              global_variable: value
              any.variable: dotted
            jobs:
            - job: job1
              variables:
                job_variable1: value1
              steps:
              - checkout: none
              - bash: |
                  echo "m1=$(global_variable)"
                  echo "m2=$(job_variable1)"
                  echo "e1=$JOB_VARIABLE1"
                  echo "e2=$ANY_VARIABLE"
            - job: job2
              steps:
              - checkout: none
              - bash: echo "e3=$GLOBAL_VARIABLE"
            """);
        var job1 = run.Lines("job1");
        Assert.Contains("m1=value", job1);
        Assert.Contains("m2=value1", job1);
        Assert.Contains("e1=value1", job1);
        Assert.Contains("e2=dotted", job1);
        Assert.Contains("e3=value", run.Lines("job2"));
    }

    [Fact]
    public async Task TC_18_SecretsNotInEnvironment_UnlessMappedWithEnv()
    {
        var run = await new RunHarness().RunAsync("""
            variables:
              nonSecretVariable: foo
              GLOBAL_MYSECRET: $(mySecret)
              GLOBAL_MY_MAPPED_ENV_VAR: $(nonSecretVariable)
            steps:
            - checkout: none
            - bash: |
                echo "macro=$(mySecret)"
                echo "direct=[$MYSECRET]"
                echo "global=[$GLOBAL_MYSECRET]"
                echo "mappedGlobal=$GLOBAL_MY_MAPPED_ENV_VAR"
                echo "mapped=$MY_MAPPED_ENV_VAR"
              env:
                MY_MAPPED_ENV_VAR: $(mySecret)
            """, "--secret", "mySecret=s3cr3t-value");
        var lines = run.Lines("Job");
        Assert.Contains("macro=***", lines);
        Assert.Contains("direct=[]", lines);
        Assert.Contains("global=[]", lines);
        Assert.Contains("mappedGlobal=foo", lines);
        Assert.Contains("mapped=***", lines);
        Assert.DoesNotContain("s3cr3t-value", run.Out + run.AllLogs());
    }

    [Fact]
    public async Task TC_19_SetVariable_VisibleToLaterSteps_NotInSameStep()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - bash: |
                echo "##vso[task.setvariable variable=sauce]crushed tomatoes"
                echo "same step [$SAUCE]"
            - bash: |
                echo "my environment variable is $SAUCE"
                echo "macro $(sauce)"
            """);
        var lines = run.Lines("Job");
        Assert.Contains("same step []", lines);
        Assert.Contains("my environment variable is crushed tomatoes", lines);
        Assert.Contains("macro crushed tomatoes", lines);
    }

    [Fact]
    public async Task AZP_VAR_12_QueueTimeValue_YamlWins_OtherwiseUsed()
    {
        var run = await new RunHarness().RunAsync("""
            variables:
              inYaml: yaml
            steps:
            - checkout: none
            - bash: echo "$(inYaml) $(onlyQueued)"
            """, "--var", "inYaml=queued", "--var", "onlyQueued=q");
        Assert.Contains("yaml q", run.Lines("Job"));
    }

    [Fact]
    public async Task AZP_VAR_80_PredefinedVariables_WorkspaceLayout()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - bash: |
                for d in "$(Pipeline.Workspace)/s" "$(Build.ArtifactStagingDirectory)" "$(Build.BinariesDirectory)" "$(Common.TestResultsDirectory)" "$(Agent.TempDirectory)"; do test -d "$d" || echo "missing $d"; done
                echo "sources=$(Build.SourcesDirectory)"
                echo "pwd=$(pwd)"
                echo "os=$AGENT_OS tf=$TF_BUILD"
            """);
        var lines = run.Lines("Job");
        Assert.DoesNotContain(lines, l => l.StartsWith("missing", StringComparison.Ordinal));
        var sources = lines.Single(l => l.StartsWith("sources=", StringComparison.Ordinal))["sources=".Length..];
        Assert.EndsWith("/s", sources, StringComparison.Ordinal);
        Assert.StartsWith(Environment.GetEnvironmentVariable("SLIPWAY_WORK_DIR")!, sources, StringComparison.Ordinal);
        Assert.DoesNotContain(".slipway", sources, StringComparison.Ordinal);
        Assert.Contains("pwd=" + sources, lines);
        Assert.Contains("os=Linux tf=True", lines);
    }

    [Fact]
    public async Task AZP_JOB_7_AgentTempDirectory_IsTheSlotsFolder_EmptiedAfterEachJob_AndRemovedWithTheRun()
    {
        // One slot: both jobs run in it one after the other, as two jobs on one agent share its _work/_temp.
        var run = await new RunHarness().RunAsync("""
            jobs:
            - job: First
              steps:
              - checkout: none
              - bash: |
                  echo "temp=$(Agent.TempDirectory)"
                  echo left > "$(Agent.TempDirectory)/left.txt"
                  mkdir "$(Agent.TempDirectory)/made"
            - job: Second
              dependsOn: First
              steps:
              - checkout: none
              - bash: |
                  echo "temp=$(Agent.TempDirectory)"
                  ls -A "$(Agent.TempDirectory)" | grep -v '\.sh$' | sed 's/^/entry /'
            """, "--parallel", "1");
        Assert.Equal("Succeeded", run.Result);
        var first = run.Lines("First").Single(l => l.StartsWith("temp=", StringComparison.Ordinal))["temp=".Length..];
        var second = run.Lines("Second");
        Assert.Contains("temp=" + first, second);
        Assert.DoesNotContain(second, l => l.StartsWith("entry ", StringComparison.Ordinal));
        Assert.False(Directory.Exists(first), "the slot's temp folder goes with the run");
    }
}
