using Slipway.Core.Runs;
using Slipway.Core.Runtime;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.GitHub.Jobs;

namespace Slipway.Core.Tests.Runtime.GitHub.Workflows;

/// <summary>Job ordering, conditions, needs, results and job-level settings, with a fake job runner.</summary>
public sealed class WorkflowOrchestratorTests
{
    [Fact]
    public async Task GHA_JOB_2_Needs_RunsAfterItsNeeds_AndSeesTheirResultAndOutputs()
    {
        var h = new WorkflowHarness();
        h.Runner.Returns("a", RunResult.Succeeded, ("version", "1.2.3"));
        var run = await h.RunAsync("""
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                outputs: { version: x }
                steps: [{ run: echo }]
              b:
                needs: a
                runs-on: ubuntu-latest
                steps: [{ run: echo }]
            """);
        Assert.Equal(RunResult.Succeeded, run.Result);
        Assert.Equal(["a", "b"], h.Runner.Requests.Select(r => r.JobId));
        var needs = h.Runner.Request("b").Needs;
        Assert.Equal("""{"a":{"result":"success","outputs":{"version":"1.2.3"}}}""", ValueText.Of(needs));
    }

    [Fact]
    public async Task GHA_JOB_3_FailedNeed_SkipsDefaultIf_RunsFailureAndAlways()
    {
        var h = new WorkflowHarness();
        h.Runner.Returns("a", RunResult.Failed);
        var run = await h.RunAsync("""
            on: push
            jobs:
              a: { runs-on: ubuntu-latest, steps: [{ run: x }] }
              plain: { needs: a, runs-on: ubuntu-latest, steps: [{ run: x }] }
              onfailure: { needs: a, if: failure(), runs-on: ubuntu-latest, steps: [{ run: x }] }
              always: { needs: a, if: always(), runs-on: ubuntu-latest, steps: [{ run: x }] }
              onsuccess: { needs: a, if: success(), runs-on: ubuntu-latest, steps: [{ run: x }] }
            """);
        Assert.Equal(RunResult.Failed, run.Result);
        var results = h.Results();
        Assert.Equal(RunResult.Skipped, results["plain"]);
        Assert.Equal(RunResult.Skipped, results["onsuccess"]);
        Assert.Equal(RunResult.Succeeded, results["onfailure"]);
        Assert.Equal(RunResult.Succeeded, results["always"]);
    }

    [Fact]
    public async Task GHA_JOB_3_AncestorFailed_DependentOfAnAlwaysJob_IsSkipped_AndFailureSeesIt()
    {
        var h = new WorkflowHarness();
        h.Runner.Returns("a", RunResult.Failed);
        await h.RunAsync("""
            on: push
            jobs:
              a: { runs-on: ubuntu-latest, steps: [{ run: x }] }
              b: { needs: a, if: always(), runs-on: ubuntu-latest, steps: [{ run: x }] }
              c: { needs: b, runs-on: ubuntu-latest, steps: [{ run: x }] }
              d: { needs: b, if: failure(), runs-on: ubuntu-latest, steps: [{ run: x }] }
            """);
        var results = h.Results();
        Assert.Equal(RunResult.Skipped, results["c"]);
        Assert.Equal(RunResult.Succeeded, results["d"]);
    }

    [Fact]
    public async Task GHA_JOB_3_SkippedJob_SkipsItsDependents_AndIfSeesGithubContext()
    {
        var h = new WorkflowHarness();
        var run = await h.RunAsync("""
            on: push
            jobs:
              deploy: { if: github.ref == 'refs/heads/release', runs-on: ubuntu-latest, steps: [{ run: x }] }
              after: { needs: deploy, runs-on: ubuntu-latest, steps: [{ run: x }] }
              main: { if: github.ref_name == 'main' && github.event.ref == 'refs/heads/main', runs-on: ubuntu-latest, steps: [{ run: x }] }
            """);
        Assert.Equal(RunResult.Succeeded, run.Result);
        Assert.Equal(["main"], h.Runner.Requests.Select(r => r.JobId));
        Assert.Equal(RunResult.Skipped, h.Results()["after"]);
    }

    [Fact]
    public async Task GHA_JOB_7_ContinueOnError_FailureDoesNotFailTheRun_AndNeedsSeeSuccess()
    {
        var h = new WorkflowHarness();
        h.Runner.Returns("flaky", RunResult.Failed);
        var run = await h.RunAsync("""
            on: push
            jobs:
              flaky: { runs-on: ubuntu-latest, continue-on-error: true, steps: [{ run: x }] }
              next: { needs: flaky, runs-on: ubuntu-latest, steps: [{ run: x }] }
            """);
        Assert.Equal(RunResult.Succeeded, run.Result);
        Assert.Equal(RunResult.Failed, h.Results()["flaky"]);
        Assert.Equal("success", ValueText.Of(((Core.Expressions.Values.ObjectValue)h.Runner.Request("next").Needs["flaky"])["result"]));
    }

    [Fact]
    public async Task GHA_JOB_8_TimeoutMinutes_Evaluated_DefaultIs360()
    {
        var h = new WorkflowHarness();
        await h.RunAsync("""
            on: push
            jobs:
              a: { runs-on: ubuntu-latest, timeout-minutes: "${{ 2 + 3 }}", steps: [{ run: x }] }
              b: { runs-on: ubuntu-latest, steps: [{ run: x }] }
            """.Replace("2 + 3", "fromJSON('5')", StringComparison.Ordinal));
        Assert.Equal(5, h.Runner.Request("a").TimeoutMinutes);
        Assert.Equal(360, h.Runner.Request("b").TimeoutMinutes);
    }

    [Fact]
    public async Task GHA_JOB_12_Environment_NameOrMapping_IsPassedAndRecorded()
    {
        var h = new WorkflowHarness();
        await h.RunAsync("""
            on: push
            jobs:
              a: { runs-on: ubuntu-latest, environment: "prod-${{ vars.REGION }}", steps: [{ run: x }] }
              b: { runs-on: ubuntu-latest, environment: { name: staging, url: "https://example.com" }, steps: [{ run: x }] }
            """, vars: [new("REGION", "eu")]);
        Assert.Equal("prod-eu", h.Runner.Request("a").Environment);
        Assert.Equal("staging", h.Runner.Request("b").Environment);
        Assert.Contains(h.Events.All.OfType<RunInfoChanged>(), i => i.What == "environment" && i.Value == "prod-eu");
    }

    [Fact]
    public async Task GHA_JOB_4_RunsOnWindows_FailsWithoutRunning_UbuntuAndSelfHostedRun()
    {
        var h = new WorkflowHarness();
        var run = await h.RunAsync("""
            on: push
            jobs:
              win: { runs-on: windows-latest, steps: [{ run: x }] }
              linux: { runs-on: [self-hosted, linux], steps: [{ run: x }] }
              ubuntu: { runs-on: ubuntu-24.04, steps: [{ run: x }] }
            """);
        Assert.Equal(RunResult.Failed, run.Result);
        Assert.Equal(["linux", "ubuntu"], h.Runner.Requests.Select(r => r.JobId).Order());
        var issue = Assert.Single(h.Events.Issues);
        Assert.Equal("runs-on 'windows-latest' needs a Windows machine; this is Linux.", issue.Message);
        Assert.Equal(3, issue.Line);
    }

    [Fact]
    public async Task JobOption_RunsOnlyTheNamedJobs()
    {
        var h = new WorkflowHarness();
        await h.RunAsync("""
            on: push
            jobs:
              a: { runs-on: ubuntu-latest, steps: [{ run: x }] }
              b: { runs-on: ubuntu-latest, steps: [{ run: x }] }
            """, new RunOptions { RepositoryRoot = ".", Jobs = ["b"] });
        Assert.Equal(["b"], h.Runner.Requests.Select(r => r.JobId));
        Assert.Equal(RunResult.Skipped, h.Results()["a"]);
    }

    [Fact]
    public async Task Run_IsRecordedAsGitHubActions_WithEventBranchAndCommit()
    {
        var h = new WorkflowHarness();
        var run = await h.RunAsync("""
            on: push
            jobs:
              a: { runs-on: ubuntu-latest, steps: [{ run: x }] }
            """);
        await using var store = await RunStore.OpenAsync(Path.Combine(h.Dir, ".slipway"), TimeProvider.System, CancellationToken.None);
        var info = await store.GetRunAsync(run.RunId, CancellationToken.None);
        Assert.NotNull(info);
        Assert.Equal("github-actions", info.Start.Syntax);
        Assert.Equal("push", info.Start.Event);
        Assert.Equal("refs/heads/main", info.Start.Branch);
        Assert.Equal(new string('a', 40), info.Start.Commit);
        Assert.Equal(RunResult.Succeeded, info.Result);
    }

    [Fact]
    public async Task Secrets_IncludeAMaskedGitHubToken()
    {
        var h = new WorkflowHarness();
        h.Runner.Behaviours["a"] = (request, _) => Task.FromResult(new WorkflowJobResult(RunResult.Succeeded, new Dictionary<string, string>()));
        await h.RunAsync("""
            on: push
            jobs:
              a: { runs-on: ubuntu-latest, steps: [{ run: x }] }
            """, new RunOptions { RepositoryRoot = ".", Secrets = [new("API_KEY", "s3cr3t-value")] });
        var secrets = h.Runner.Request("a").Secrets;
        Assert.Equal("s3cr3t-value", ValueText.Of(secrets["API_KEY"]));
        Assert.StartsWith("ghs_", ValueText.Of(secrets["GITHUB_TOKEN"]), StringComparison.Ordinal);
    }
}
