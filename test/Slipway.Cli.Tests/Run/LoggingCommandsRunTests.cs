namespace Slipway.Cli.Tests.Run;

/// <summary>Logging commands applied by the runner (AZP-LOG-10..40).</summary>
[Trait("Category", "EndToEnd")]
public sealed class LoggingCommandsRunTests
{
    [Fact]
    public async Task AZP_LOG_12_LogIssue_RecordedWithFileLineColumnCode_DoesNotFail()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - bash: echo "##vso[task.logissue type=warning;sourcepath=src/a.cs;linenumber=3;columnnumber=4;code=X1]careful"
            """);
        var issue = run.Issues().Single(i => i.GetProperty("message").GetString() == "careful");
        Assert.Equal("Warning", issue.GetProperty("type").GetString());
        Assert.Equal("src/a.cs", issue.GetProperty("file").GetString());
        Assert.Equal(3, issue.GetProperty("line").GetInt32());
        Assert.Equal(4, issue.GetProperty("column").GetInt32());
        Assert.Equal("X1", issue.GetProperty("code").GetString());
        Assert.Equal("Succeeded", run.RecordResult("__default.Job.Bash"));
    }

    [Fact]
    public async Task AZP_LOG_13_TaskComplete_MergedPessimistically()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - bash: |
                echo "##vso[task.complete result=SucceededWithIssues;]partly"
            - bash: |
                echo "##vso[task.complete result=Failed;]broken"
                echo "##vso[task.complete result=Succeeded;]fine again"
              condition: always()
            """);
        Assert.Equal("SucceededWithIssues", run.RecordResult("__default.Job.Bash"));
        Assert.Equal("Failed", run.RecordResult("__default.Job.Bash1"));
    }

    [Fact]
    public async Task AZP_VAR_13_ReadOnlyVariable_SetFailsStep()
    {
        var run = await new RunHarness().RunAsync("""
            variables:
            - name: fixed
              value: one
              readonly: true
            steps:
            - checkout: none
            - bash: echo "##vso[task.setvariable variable=fixed]two"
            - bash: echo "fixed=$(fixed)"
              condition: always()
            """);
        Assert.Equal("Failed", run.RecordResult("__default.Job.Bash"));
        Assert.Contains("fixed=one", run.Lines("Job"));
    }

    [Fact]
    public async Task AZP_LOG_15_PrependPath_LaterStepsOnly_LastAddedFirst()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - bash: |
                echo "##vso[task.prependpath]/opt/first"
                echo "##vso[task.prependpath]/opt/second"
                echo "now=${PATH%%:*}"
            - bash: |
                echo "later=$(echo $PATH | cut -d: -f1,2)"
            """);
        var lines = run.Lines("Job");
        Assert.DoesNotContain("now=/opt/second", lines);
        Assert.Contains("later=/opt/second:/opt/first", lines);
    }

    [Fact]
    public async Task AZP_LOG_33_UpdateBuildNumber_RecordedForTheRun()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - bash: echo "##vso[build.updatebuildnumber]1.2.3-local"
            - bash: echo "number=$(Build.BuildNumber)"
            """);
        Assert.Contains("number=1.2.3-local", run.Lines("Job"));
        Assert.Equal("1.2.3-local", run.Json.GetProperty("buildNumber").GetString());
        await using var store = await Core.Runs.RunStore.OpenAsync(run.StoreDir, TimeProvider.System, CancellationToken.None);
        var recorded = await store.GetRunAsync(run.Json.GetProperty("runId").GetInt64(), CancellationToken.None);
        Assert.Equal("1.2.3-local", recorded!.BuildNumber);
    }

    [Fact]
    public async Task AZP_LOG_40_DebugLines_HiddenUnlessDebug()
    {
        const string Yaml = """
            steps:
            - checkout: none
            - bash: |
                echo "##[debug]a debug line"
                echo "##vso[task.debug]another debug line"
                echo visible
            """;
        var quiet = await new RunHarness().RunAsync(Yaml);
        Assert.Contains("visible", quiet.Lines("Job"));
        Assert.DoesNotContain(quiet.Lines("Job"), l => l.EndsWith("a debug line", StringComparison.Ordinal) || l.EndsWith("another debug line", StringComparison.Ordinal));
        var debug = await new RunHarness().RunAsync(Yaml, "--debug");
        Assert.Contains("##[debug]a debug line", debug.Lines("Job"));
        Assert.Contains("##[debug]another debug line", debug.Lines("Job"));
    }

    [Fact]
    public async Task TC_29_SettableVariablesList_BlocksOthersWithWarning()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - bash: |
                echo "##vso[task.setvariable variable=sauce]crushed tomatoes"
                echo "##vso[task.setvariable variable=secretSauce]secret"
              target:
                settableVariables:
                - sauce
            - bash: echo 'sauce=$(sauce) secret=$(secretSauce)'
            """);
        Assert.Contains("sauce=crushed tomatoes secret=$(secretSauce)", run.Lines("Job"));
        Assert.Contains(run.Issues(), i => i.GetProperty("type").GetString() == "Warning" && i.GetProperty("message").GetString()!.Contains("secretSauce", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TC_30_SettableVariablesNone_IgnoresEverySet()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - bash: echo "##vso[task.setvariable variable=sauce]crushed tomatoes"
              target:
                settableVariables: none
            - bash: echo 'sauce=$(sauce)'
            """);
        Assert.Contains("sauce=$(sauce)", run.Lines("Job"));
    }
}
