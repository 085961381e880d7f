namespace Slipway.Cli.Tests.Run.GitHub;

/// <summary>GitHub workflows through <c>slipway run</c> with real bash: needs, outputs, conditions, results, exit codes.</summary>
[Trait("Category", "EndToEnd")]
public sealed class WorkflowRunTests
{
    [Fact]
    public async Task GHA_JOB_9_NeedsOutputs_FlowToTheNextJob()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              version:
                runs-on: ubuntu-latest
                outputs:
                  v: ${{ steps.pick.outputs.v }}
                steps:
                  - id: pick
                    run: echo "v=4.2.$((40 + 2))" >> "$GITHUB_OUTPUT"
              use:
                needs: version
                runs-on: ubuntu-latest
                steps:
                  - run: echo "got ${{ needs.version.outputs.v }} after ${{ needs.version.result }}"
            """);
        var run = await h.RunAsync();
        Assert.Equal(0, run.Code);
        Assert.Contains("got 4.2.42 after success", run.Lines("use"));
        Assert.Equal("succeeded", run.Result, ignoreCase: true);
    }

    [Fact]
    public async Task GHA_JOB_3_FailedJob_SkipsDependents_RunsFailureAndAlways_Exit1()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              build: { runs-on: ubuntu-latest, steps: [{ run: exit 3 }] }
              test: { needs: build, runs-on: ubuntu-latest, steps: [{ run: echo never }] }
              report: { needs: build, if: failure(), runs-on: ubuntu-latest, steps: [{ run: echo reporting }] }
              cleanup: { needs: build, if: always(), runs-on: ubuntu-latest, steps: [{ run: "echo cleanup ${{ needs.build.result }}" }] }
            """);
        var run = await h.RunAsync();
        Assert.Equal(1, run.Code);
        Assert.Equal("Failed", run.RecordResult("__default.build"), ignoreCase: true);
        Assert.Equal("Skipped", run.RecordResult("__default.test"), ignoreCase: true);
        Assert.Contains("reporting", run.Lines("report"));
        Assert.Contains("cleanup failure", run.Lines("cleanup"));
    }

    [Fact]
    public async Task GHA_JOB_7_ContinueOnError_FailingJob_Exit0()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              flaky: { runs-on: ubuntu-latest, continue-on-error: true, steps: [{ run: exit 1 }] }
              next: { needs: flaky, runs-on: ubuntu-latest, steps: [{ run: "echo after ${{ needs.flaky.result }}" }] }
            """);
        var run = await h.RunAsync();
        Assert.Equal(0, run.Code);
        Assert.Contains("after success", run.Lines("next"));
    }

    [Fact]
    public async Task GHA_JOB_8_TimeoutMinutes_StopsTheJob()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              slow: { runs-on: ubuntu-latest, timeout-minutes: 0.05, steps: [{ run: sleep 120 }] }
            """);
        var started = DateTime.UtcNow;
        var run = await h.RunAsync();
        Assert.Equal(1, run.Code);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(100), "the 3-second job timeout stopped sleep 120");
        Assert.NotEqual("Succeeded", run.RecordResult("__default.slow"));
    }

    [Fact]
    public async Task InvalidWorkflow_Exit2_WithFileLineColumn()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              a: { runs-on: ubuntu-latest, steps: [{ run: echo }] }
              b:
                needs: nothere
                runs-on: ubuntu-latest
                steps: [{ run: echo }]
            """);
        var run = await h.RunAsync();
        Assert.Equal(2, run.Code);
        Assert.Matches(@"\.github/workflows/ci\.yml\(5,\d+\): error SLW\d{4}: .*'nothere'", run.Err);
        Assert.False(Directory.Exists(Path.Combine(h.Dir, ".slipway", "runs")), "nothing ran");
    }

    [Fact]
    public async Task Workflows_NotTriggeredByTheEvent_AreSkipped_EachTriggeredOneIsARun()
    {
        var h = new GitHubRunHarness();
        h.Workflow("a-push", "on: push\njobs:\n  a: { runs-on: ubuntu-latest, steps: [{ run: echo from-push }] }\n");
        h.Workflow("b-pr", "on: pull_request\njobs:\n  b: { runs-on: ubuntu-latest, steps: [{ run: echo from-pr }] }\n");
        h.Workflow("c-push", "on: [push, workflow_dispatch]\njobs:\n  c: { runs-on: ubuntu-latest, steps: [{ run: echo from-c }] }\n");
        var run = await h.RunAsync("--event", "push");
        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("skipped .github/workflows/b-pr.yml: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("from-push", run.Lines("a"));
        Assert.Contains("from-c", run.Lines("c"));
        var (code, list, _) = await h.CliAsync("runs");
        Assert.Equal(0, code);
        Assert.Equal(2, list.Split('\n').Count(l => l.Contains("github-actions", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Runs_ListsAzureAndGitHubRunsTogether()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", "on: push\njobs:\n  a: { runs-on: ubuntu-latest, steps: [{ run: echo gh }] }\n");
        h.Write("azure-pipelines.yml", "steps:\n- script: echo azure\n");
        var github = await h.RunAsync(".github/workflows/ci.yml");
        Assert.True(github.Code == 0, github.Err);
        var azure = await h.RunAsync("azure-pipelines.yml");
        Assert.True(azure.Code == 0, azure.Err);
        var (code, list, _) = await h.CliAsync("runs");
        Assert.Equal(0, code);
        Assert.Contains("github-actions", list, StringComparison.Ordinal);
        Assert.Contains("azure-pipelines", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_AreMasked_AndVarsAndDispatchInputsReachJobs()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on:
              workflow_dispatch:
                inputs:
                  who: { type: string, default: nobody }
            jobs:
              a:
                if: inputs.who == 'ops'
                runs-on: ubuntu-latest
                steps:
                  - run: echo "token=${{ secrets.TOKEN }} region=${{ vars.REGION }} who=${{ inputs.who }}"
            """);
        var run = await h.RunAsync("--event", "workflow_dispatch", "--input", "who=ops", "--secret", "TOKEN=hunter2-secret", "--var", "REGION=eu");
        Assert.True(run.Code == 0, run.Err);
        Assert.True(run.Lines("a").Count > 0, run.Out);
        Assert.Contains("token=*** region=eu who=ops", run.Lines("a"));
        Assert.DoesNotContain("hunter2-secret", run.Out + run.Err + run.AllLogs(), StringComparison.Ordinal);
    }
}
