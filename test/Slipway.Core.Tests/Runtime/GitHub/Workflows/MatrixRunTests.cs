using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Jobs;

namespace Slipway.Core.Tests.Runtime.GitHub.Workflows;

/// <summary>Matrix legs at run time: contexts, names, dynamic matrices, fail-fast, max-parallel (GHA-JOB-5/6).</summary>
public sealed class MatrixRunTests
{
    [Fact]
    public async Task GHA_JOB_5_Legs_GetMatrixAndStrategyContexts_AndGitHubNames()
    {
        var h = new WorkflowHarness();
        await h.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                strategy:
                  matrix:
                    os: [ubuntu, debian]
                    node: [18, 20]
                    exclude: [{ os: debian, node: 18 }]
                    include: [{ os: ubuntu, node: 20, lts: true }]
                steps: [{ run: x }]
            """);
        Assert.Equal(["build (debian, 20)", "build (ubuntu, 18)", "build (ubuntu, 20)"], h.Runner.Requests.Select(r => r.DisplayName).Order());
        var lts = h.Runner.Request("build (ubuntu, 20)");
        Assert.Equal("""{"os":"ubuntu","node":20,"lts":true}""", ValueText.Of(lts.Matrix));
        Assert.Equal("""{"fail-fast":true,"job-index":1,"job-total":3,"max-parallel":3}""", ValueText.Of(lts.Strategy));
        Assert.All(h.Runner.Requests, r => Assert.Equal("build", r.JobId));
    }

    [Fact]
    public async Task GHA_JOB_5_MatrixFromNeedsOutputs_IsExpandedWhenTheNeedIsDone()
    {
        var h = new WorkflowHarness();
        h.Runner.Returns("plan", RunResult.Succeeded, ("m", """{"target":["x","y","z"]}"""));
        await h.RunAsync("""
            on: push
            jobs:
              plan: { runs-on: ubuntu-latest, outputs: { m: x }, steps: [{ run: x }] }
              run:
                needs: plan
                runs-on: ubuntu-latest
                strategy: { matrix: "${{ fromJSON(needs.plan.outputs.m) }}" }
                name: "deploy ${{ matrix.target }}"
                steps: [{ run: x }]
            """);
        Assert.Equal(["deploy x", "deploy y", "deploy z"], h.Runner.Requests.Where(r => r.JobId == "run").Select(r => r.DisplayName).Order());
    }

    [Fact]
    public async Task GHA_JOB_6_FailFast_CancelsQueuedSiblings()
    {
        var h = new WorkflowHarness();
        h.Runner.Behaviours["t"] = async (request, cancel) =>
        {
            if (ValueText.Of(request.Matrix).Contains("\"n\":1", StringComparison.Ordinal))
            {
                return new WorkflowJobResult(RunResult.Failed, new Dictionary<string, string>());
            }

            await Task.Delay(TimeSpan.FromMinutes(5), cancel);
            return new WorkflowJobResult(RunResult.Succeeded, new Dictionary<string, string>());
        };
        var run = await h.RunAsync("""
            on: push
            jobs:
              t:
                runs-on: ubuntu-latest
                strategy: { max-parallel: 2, matrix: { n: [1, 2, 3, 4] } }
                steps: [{ run: x }]
            """);
        Assert.Equal(RunResult.Failed, run.Result);
        var results = h.Results();
        Assert.Equal(RunResult.Failed, results["t (1)"]);
        Assert.Equal(RunResult.Canceled, results["t (2)"]);
        Assert.Equal(RunResult.Canceled, results["t (3)"]);
        Assert.Equal(RunResult.Canceled, results["t (4)"]);
        Assert.True(h.Runner.Requests.Count <= 2, "queued legs never started");
    }

    [Fact]
    public async Task GHA_JOB_6_FailFastFalse_OrContinueOnErrorLeg_LetsSiblingsFinish()
    {
        var h = new WorkflowHarness();
        h.Runner.Behaviours["t"] = (request, _) => Task.FromResult(new WorkflowJobResult(
            ValueText.Of(request.Matrix).Contains("\"n\":1", StringComparison.Ordinal) ? RunResult.Failed : RunResult.Succeeded, new Dictionary<string, string>()));
        h.Runner.Behaviours["u"] = h.Runner.Behaviours["t"];
        var run = await h.RunAsync("""
            on: push
            jobs:
              t:
                runs-on: ubuntu-latest
                strategy: { fail-fast: false, max-parallel: 1, matrix: { n: [1, 2, 3] } }
                steps: [{ run: x }]
              u:
                runs-on: ubuntu-latest
                continue-on-error: "${{ matrix.n == 1 }}"
                strategy: { max-parallel: 1, matrix: { n: [1, 2, 3] } }
                steps: [{ run: x }]
            """);
        Assert.Equal(RunResult.Failed, run.Result);
        var results = h.Results();
        Assert.Equal(RunResult.Succeeded, results["t (3)"]);
        Assert.Equal(RunResult.Succeeded, results["u (2)"]);
        Assert.Equal(RunResult.Succeeded, results["u (3)"]);
    }

    [Fact]
    public async Task GHA_JOB_6_MaxParallel1_RunsLegsOneAtATimeInOrder()
    {
        var h = new WorkflowHarness();
        h.Runner.Behaviours["t"] = async (_, cancel) =>
        {
            await Task.Delay(50, cancel);
            return new WorkflowJobResult(RunResult.Succeeded, new Dictionary<string, string>());
        };
        await h.RunAsync("""
            on: push
            jobs:
              t:
                runs-on: ubuntu-latest
                strategy: { max-parallel: 1, matrix: { n: [1, 2, 3, 4] } }
                steps: [{ run: x }]
            """);
        Assert.Equal(1, h.Runner.MaxRunning);
        Assert.Equal(["t (1)", "t (2)", "t (3)", "t (4)"], h.Runner.Requests.Select(r => r.DisplayName));
    }
}
