namespace Slipway.Cli.Tests.Run;

/// <summary>Script steps and step properties as the agent runs them on Linux (AZP-STEP-1..9).</summary>
[Trait("Category", "EndToEnd")]
public sealed class StepsRunTests
{
    [Fact]
    public async Task AZP_STEP_8_Script_NoSetE_OnlyLastExitCodeCounts()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - script: |
                false
                echo after false
            - bash: |
                echo last fails
                exit 4
            """);
        Assert.Equal("Succeeded", run.RecordResult("__default.Job.CmdLine"));
        Assert.Contains("after false", run.Lines("Job"));
        Assert.Equal("Failed", run.RecordResult("__default.Job.Bash"));
        Assert.Contains("Bash exited with code '4'.", run.RecordReason("__default.Job.Bash"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZP_STEP_8_ScriptRunsFromTempFile_WithNoProfileNoRc()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - bash: echo "script=$0"
            """);
        var line = run.Lines("Job").Single(l => l.StartsWith("script=", StringComparison.Ordinal));
        Assert.EndsWith(".sh", line, StringComparison.Ordinal);
        Assert.Contains("_temp", line, StringComparison.Ordinal);
        Assert.Contains(run.Lines("Job"), l => l.StartsWith("##[command]", StringComparison.Ordinal) && l.Contains("bash --noprofile --norc ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AZP_STEP_8_FailOnStderr_FailsStepWhenStderrWritten()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - bash: echo oops >&2
              failOnStderr: true
            - bash: echo fine >&2
              condition: always()
            """);
        Assert.Equal("Failed", run.RecordResult("__default.Job.Bash"));
        Assert.Equal("Succeeded", run.RecordResult("__default.Job.Bash1"));
        Assert.Contains(run.Issues(), i => i.GetProperty("message").GetString() == "oops");
    }

    [Fact]
    public async Task AZP_STEP_10_BackgroundProcess_LivesUntilJobEnd_ThenKilled()
    {
        // One in the step's process group, one that left it (setsid): found by the job's tracking id.
        var tag = Random.Shared.Next(100_000, 999_998);
        var run = await new RunHarness().RunAsync($$"""
            steps:
            - checkout: none
            - bash: |
                sleep {{tag}} >/dev/null 2>&1 &
                setsid sleep {{tag + 1}} >/dev/null 2>&1 < /dev/null &
                echo started
            - bash: |
                for t in {{tag}} {{tag + 1}}; do
                  if pgrep -f "sleep $t" >/dev/null; then echo "$t still running"; else echo "$t gone"; fi
                done
            """);
        Assert.Contains($"{tag} still running", run.Lines("Job"));
        Assert.Contains($"{tag + 1} still running", run.Lines("Job"));
        Assert.Empty(CancellationRunTests.ProcessesWith("sleep " + tag));
        Assert.Empty(CancellationRunTests.ProcessesWith("sleep " + (tag + 1)));
    }

    [Fact]
    public async Task AZP_STEP_1_WorkingDirectoryAndEnv()
    {
        var harness = new RunHarness();
        var run = await harness.RunAsync("""
            steps:
            - checkout: none
            - bash: mkdir -p sub
            - bash: |
                echo "cwd=$(basename "$PWD")"
                echo "env=$MY_VALUE"
              workingDirectory: sub
              env:
                MY_VALUE: $(Agent.OS)-mapped
            """);
        Assert.Contains("cwd=sub", run.Lines("Job"));
        Assert.Contains("env=Linux-mapped", run.Lines("Job"));
    }

    [Fact]
    public async Task AZP_STEP_2_DisabledStep_SkippedWithoutCondition()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - script: echo should-not-print
              enabled: false
            """);
        Assert.Equal("Skipped", run.RecordResult("__default.Job.CmdLine"));
        Assert.DoesNotContain("should-not-print", run.Lines("Job"));
        Assert.Equal(0, run.Code);
    }

    [Fact]
    public async Task AZP_STEP_3_ContinueOnError_StepAndJobSucceededWithIssues()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - script: exit 1
              continueOnError: true
            - script: echo next ran
            """);
        Assert.Equal("SucceededWithIssues", run.RecordResult("__default.Job.CmdLine"));
        Assert.Contains("next ran", run.Lines("Job"));
        Assert.Equal("SucceededWithIssues", run.RecordResult("__default.Job"));
        Assert.Equal(0, run.Code);
    }

    [Fact]
    public async Task AZP_STEP_5_RetryCountOnTaskFailure_RetriesUntilSuccess()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - bash: |
                n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count
                echo "attempt $n"
                test $n -ge 2
              retryCountOnTaskFailure: 3
            """);
        var lines = run.Lines("Job");
        Assert.Contains("attempt 1", lines);
        Assert.Contains("attempt 2", lines);
        Assert.DoesNotContain("attempt 3", lines);
        Assert.Equal("Succeeded", run.RecordResult("__default.Job.Bash"));
    }

    [Fact]
    public async Task AZP_STEP_9_Pwsh_RunsWhenInstalled_ElseClearErrorNamingIt()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - pwsh: Write-Host "from pwsh"
            """);
        var installed = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, "pwsh")));
        if (installed)
        {
            Assert.Contains("from pwsh", run.Lines("Job"));
        }
        else
        {
            Assert.Equal("Failed", run.RecordResult("__default.Job.PowerShell"));
            Assert.Contains("'pwsh'", run.RecordReason("__default.Job.PowerShell"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AZP_STEP_Checkout_Self_CopiesRepositoryIntoSources()
    {
        var harness = new RunHarness();
        harness.Write("src/file.txt", "content-of-file");
        var run = await harness.RunAsync("""
            steps:
            - checkout: self
            - bash: cat src/file.txt
            """);
        Assert.Contains("content-of-file", run.Lines("Job"));
    }

    [Fact]
    public async Task AZP_TASK_TaskWithoutHandler_FailsNamingTaskAndTasksDir()
    {
        var run = await new RunHarness().RunAsync("""
            steps:
            - checkout: none
            - task: AndroidSigning@3
            """);
        Assert.Equal(1, run.Code);
        var reason = run.Records().Select(r => r.GetProperty("reason").GetString()).First(r => r?.Contains("AndroidSigning@3", StringComparison.Ordinal) == true);
        Assert.Contains("--tasks-dir", reason, StringComparison.Ordinal);
    }
}
