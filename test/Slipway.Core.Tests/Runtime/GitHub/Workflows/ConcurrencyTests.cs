using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Jobs;
using Slipway.Core.Runtime.GitHub.Workflows;

namespace Slipway.Core.Tests.Runtime.GitHub.Workflows;

/// <summary>GHA-WF-10: at most one running and one pending job per group; newer pending replaces older; cancel-in-progress.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task GHA_WF_10_NewerPending_CancelsOlderPending_ThenRunsAfterTheRunningOne()
    {
        var groups = new ConcurrencyGroups();
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();
        using var third = new CancellationTokenSource();
        var running = await groups.EnterAsync("deploy", false, first, CancellationToken.None);
        Assert.NotNull(running);
        var pending = groups.EnterAsync("DEPLOY", false, second, CancellationToken.None);
        var newer = groups.EnterAsync("deploy", false, third, CancellationToken.None);
        Assert.Null(await pending);
        Assert.False(newer.IsCompleted);
        Assert.False(first.IsCancellationRequested);
        running.Dispose();
        using var lease = await newer;
        Assert.NotNull(lease);
    }

    [Fact]
    public async Task GHA_WF_10_CancelInProgress_CancelsTheRunningJob()
    {
        var groups = new ConcurrencyGroups();
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();
        var running = await groups.EnterAsync("g", false, first, CancellationToken.None);
        var next = groups.EnterAsync("g", true, second, CancellationToken.None);
        Assert.True(first.IsCancellationRequested);
        running!.Dispose();
        using var lease = await next;
        Assert.NotNull(lease);
    }

    [Fact]
    public async Task GHA_WF_10_JobsOfOneGroup_RunOneAtATime_AndTheMiddleOneIsReplaced()
    {
        var h = new WorkflowHarness();
        var release = new TaskCompletionSource();
        h.Runner.Behaviours["d"] = async (request, cancel) =>
        {
            if (ValueText.Of(request.Matrix) == """{"n":1}""")
            {
                await release.Task.WaitAsync(cancel);
            }

            return new WorkflowJobResult(RunResult.Succeeded, new Dictionary<string, string>());
        };
        var run = h.RunAsync("""
            on: push
            jobs:
              d:
                runs-on: ubuntu-latest
                strategy: { matrix: { n: [1, 2, 3] } }
                concurrency: "deploy-${{ vars.ENV }}"
                steps: [{ run: x }]
            """, vars: [new("ENV", "prod")]);
        while (h.Runner.Requests.IsEmpty)
        {
            await Task.Delay(20);
        }

        await Task.Delay(200);
        Assert.Single(h.Runner.Requests);
        release.SetResult();
        var result = await run;
        var results = h.Results();
        Assert.Equal(RunResult.Succeeded, results["d (1)"]);
        Assert.Equal(RunResult.Canceled, results["d (2)"]);
        Assert.Equal(RunResult.Succeeded, results["d (3)"]);
        Assert.Equal(RunResult.Canceled, result.Result);
        Assert.Contains(h.Events.All.OfType<Core.Runtime.Events.RecordCompleted>(),
            c => c.Reason == "Canceling since a higher priority waiting request for 'deploy-prod' exists");
    }
}
