using System.Diagnostics;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Jobs;

namespace Slipway.Core.Tests.Runtime.GitHub.Jobs;

/// <summary>GitHub's parallel steps: <c>background: true</c>, <c>wait</c>, <c>wait-all</c>, <c>cancel</c> and <c>parallel</c>, with real processes.</summary>
public sealed class BackgroundStepTests
{
    [Fact]
    public async Task Background_RunsBesideTheNextSteps_AndWaitMakesItsOutputsAvailable()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync(JobHarness.Workflow("""
                  - id: slow
                    background: true
                    run: |
                      sleep 0.5
                      echo "slow done"
                      echo "x=1" >> "$GITHUB_OUTPUT"
                  - run: echo "next ran"
                  - wait: slow
                  - run: echo "out=[${{ steps.slow.outputs.x }}] outcome=[${{ steps.slow.outcome }}]"
            """));

        Assert.True(result.Result == RunResult.Succeeded, harness.OutputText);
        var output = harness.Output.ToList();
        Assert.True(output.IndexOf("next ran") < output.IndexOf("slow done"), harness.OutputText);
        Assert.Contains("out=[1] outcome=[success]", output);
        Assert.Equal(RunResult.Succeeded, harness.Step("Wait").Result);
    }

    [Fact]
    public async Task BackgroundFailure_FailsTheJobOnlyThroughTheWaitStep()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync(JobHarness.Workflow("""
                  - id: bad
                    background: true
                    run: exit 3
                  - run: sleep 0.2; echo "still success=[${{ job.status }}]"
                  - wait-all:
                  - if: failure()
                    run: echo "failure seen"
            """));

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.Contains("still success=[success]", harness.Output);
        Assert.Contains("failure seen", harness.Output);
        Assert.Equal(RunResult.Failed, harness.Step("Wait for all").Result);
        Assert.Contains(harness.Events.Issues, i => i.Code == JobRunnerDiagnosticCodes.BackgroundStepFailed && i.Message == "The background step 'bad' failed.");
    }

    [Fact]
    public async Task Cancel_StopsTheBackgroundStep_WithoutFailingTheJob()
    {
        using var harness = new JobHarness();
        var clock = Stopwatch.StartNew();
        var result = await harness.RunAsync(JobHarness.Workflow("""
                  - id: server
                    background: true
                    run: sleep 60
                  - run: echo "using the server"
                  - cancel: server
            """));

        Assert.True(result.Result == RunResult.Succeeded, harness.OutputText);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(RunResult.Canceled, harness.Step("Run sleep 60").Result);
        Assert.Equal(RunResult.Succeeded, harness.Step("Cancel").Result);
    }

    [Fact]
    public async Task Parallel_RunsTheGroupSideBySide_ThenWaitsForAllOfIt()
    {
        using var harness = new JobHarness();
        var clock = Stopwatch.StartNew();
        var result = await harness.RunAsync(JobHarness.Workflow("""
                  - parallel:
                      - id: a
                        run: sleep 1; echo "v=a" >> "$GITHUB_OUTPUT"
                      - id: b
                        run: sleep 1; echo "v=b" >> "$GITHUB_OUTPUT"
                  - run: echo "got=[${{ steps.a.outputs.v }}${{ steps.b.outputs.v }}]"
            """));

        Assert.True(result.Result == RunResult.Succeeded, harness.OutputText);
        Assert.Contains("got=[ab]", harness.Output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.9) + TimeSpan.FromSeconds(1.5), $"took {clock.Elapsed}"); // side by side, not 2 s in a row plus set-up
    }

    [Fact]
    public async Task BackgroundStillRunningAtTheEnd_IsStopped_AndDoesNotFailTheJob()
    {
        using var harness = new JobHarness();
        var clock = Stopwatch.StartNew();
        var result = await harness.RunAsync(JobHarness.Workflow("""
                  - background: true
                    run: sleep 60
                  - run: echo "main work"
            """));

        Assert.True(result.Result == RunResult.Succeeded, harness.OutputText);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(RunResult.Canceled, harness.Step("Run sleep 60").Result);
    }

    [Fact]
    public async Task WaitingForAStepThatIsNotInTheBackground_FailsTheWaitStep()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync(JobHarness.Workflow("""
                  - id: plain
                    run: echo hi
                  - wait: plain
            """));

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.Contains(harness.Events.Issues, i => i.Code == JobRunnerDiagnosticCodes.BackgroundStepUnknown);
    }
}
