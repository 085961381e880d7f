using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Jobs;

namespace Slipway.Core.Tests.Runtime.GitHub.Jobs;

/// <summary>GHA-STEP-2, GHA-CTX-3, GHA-JOB-8/9: if, outcome vs conclusion, timeouts, job outputs, uses without an action runner.</summary>
public sealed class StepOutcomeTests
{
    [Fact]
    public async Task STEP_2_ContinueOnError_OutcomeFailure_ConclusionSuccess()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - id: bad
                    run: exit 3
                    continue-on-error: true
                  - run: echo "outcome=${{ steps.bad.outcome }} conclusion=${{ steps.bad.conclusion }} status=${{ job.status }}"
            """);

        Assert.Equal(RunResult.Succeeded, result.Result);
        Assert.Contains("outcome=failure conclusion=success status=success", harness.Output);
        Assert.Equal(RunResult.SucceededWithIssues, harness.Step("Run exit 3").Result);
        Assert.Equal(3, harness.Step("Run exit 3").ExitCode);
    }

    [Fact]
    public async Task STEP_2_AfterAFailure_OnlyFailureAndAlwaysStepsRun()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - id: bad
                    run: exit 1
                  - id: skipped
                    run: echo should-not-run
                  - if: failure()
                    run: echo "failure ran skipped=${{ steps.skipped.outcome }} status=${{ job.status }}"
                  - if: always()
                    run: echo always ran
                  - if: github.event_name == 'push'
                    run: echo wrapped-should-not-run
            """);

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.DoesNotContain("should-not-run", harness.Output);
        Assert.DoesNotContain("wrapped-should-not-run", harness.Output);
        Assert.Contains("failure ran skipped=skipped status=failure", harness.Output);
        Assert.Contains("always ran", harness.Output);
        Assert.Equal(RunResult.Skipped, harness.Step("Run echo should-not-run").Result);
    }

    [Fact]
    public async Task JOB_8_StepTimeout_FailsTheStep()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - name: slow
                    run: sleep 30
                    timeout-minutes: 0.02
                  - if: always()
                    run: echo "outcome=${{ steps.__run.outcome }}"
            """);

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.Contains(harness.Events.Issues, i => i.Message == "The action 'slow' has timed out after 0.02 minutes." && i.Code == JobRunnerDiagnosticCodes.StepTimedOut);
        Assert.Contains("outcome=failure", harness.Output);
    }

    [Fact]
    public async Task JOB_8_JobTimeout_CancelsTheJob_AlwaysStepsStillRun()
    {
        using var harness = new JobHarness { TimeoutMinutes = 0.05 };
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: sleep 60
                  - run: echo never
                  - if: cancelled()
                    run: echo "cleanup status=${{ job.status }}"
            """);

        Assert.Equal(RunResult.Canceled, result.Result);
        Assert.Contains(harness.Events.Issues, i => i.Code == JobRunnerDiagnosticCodes.JobTimedOut
            && i.Message.StartsWith("The job running on runner ", StringComparison.Ordinal)
            && i.Message.EndsWith(" has exceeded the maximum execution time of 0.05 minutes.", StringComparison.Ordinal));
        Assert.DoesNotContain("never", harness.Output);
        Assert.Contains("cleanup status=cancelled", harness.Output);
        Assert.Equal(RunResult.Canceled, harness.Step("Run sleep 60").Result);
    }

    [Fact]
    public async Task JOB_9_Outputs_EvaluatedAfterSteps_SecretsDropped()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                outputs:
                  plain: ${{ steps.s.outputs.v }}-${{ job.status }}
                  leaky: ${{ steps.s.outputs.leak }}
                steps:
                  - id: s
                    run: |
                      echo "v=hello" >> "$GITHUB_OUTPUT"
                      echo "leak=x${{ secrets.MY_SECRET }}" >> "$GITHUB_OUTPUT"
            """);

        Assert.Equal(RunResult.Succeeded, result.Result);
        Assert.Equal("hello-success", result.Outputs["plain"]);
        Assert.False(result.Outputs.ContainsKey("leaky"));
        Assert.Contains(harness.Events.Issues, i => i.Message == "Skip output 'leaky' since it may contain secret.");
    }

    [Fact]
    public async Task Uses_WithoutAnActionRunner_FailsClearly()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
            """);

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.Equal(RunResult.Failed, harness.Step("Run actions/checkout@v4").Result);
        Assert.Contains(harness.Events.Issues, i => i.Message.Contains("'actions/checkout@v4'", StringComparison.Ordinal) && i.Message.Contains("'uses:'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancel_RunningStepIsCanceled_CancelledStepsRun()
    {
        using var harness = new JobHarness();
        using var cancel = new CancellationTokenSource();
        var run = harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo started; sleep 60
                  - if: cancelled()
                    run: echo "after cancel"
            """, cancel: cancel.Token);
        while (!harness.Output.Contains("started"))
        {
            await Task.Delay(50);
        }

        await cancel.CancelAsync();
        var result = await run;

        Assert.Equal(RunResult.Canceled, result.Result);
        Assert.Contains("after cancel", harness.Output);
        Assert.Equal(RunResult.Canceled, harness.Step("Run echo started; sleep 60").Result);
    }

    [Fact]
    public async Task Cancel_AStepWhoseConditionStillHolds_KeepsRunning()
    {
        using var harness = new JobHarness();
        using var cancel = new CancellationTokenSource();
        var run = harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - if: always()
                    run: echo started; sleep 2; echo survived
                  - run: echo never
            """, cancel: cancel.Token);
        while (!harness.Output.Contains("started"))
        {
            await Task.Delay(50);
        }

        await cancel.CancelAsync();
        var result = await run;

        Assert.Equal(RunResult.Canceled, result.Result);
        Assert.Contains("survived", harness.Output);
        Assert.DoesNotContain("never", harness.Output);
    }
}
