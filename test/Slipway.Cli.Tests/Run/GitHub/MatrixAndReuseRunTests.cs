namespace Slipway.Cli.Tests.Run.GitHub;

/// <summary>Matrices, fail-fast, max-parallel, concurrency and reusable workflows through <c>slipway run</c> with real bash.</summary>
[Trait("Category", "EndToEnd")]
public sealed class MatrixAndReuseRunTests
{
    [Fact]
    public async Task GHA_JOB_5_IncludeExclude_JobCountAndValues()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                strategy:
                  matrix:
                    os: [ubuntu, debian]
                    node: [18, 20]
                    exclude: [{ os: debian, node: 18 }]
                    include: [{ os: ubuntu, node: 20, lts: yes }, { os: alpine, node: 22 }]
                steps:
                  - run: echo "leg ${{ matrix.os }}-${{ matrix.node }} lts=${{ matrix.lts }} ${{ strategy.job-index }}/${{ strategy.job-total }}"
            """);
        var run = await h.RunAsync();
        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("leg ubuntu-18 lts= 0/4", run.Lines("test (ubuntu, 18)"));
        Assert.Contains("leg ubuntu-20 lts=yes 1/4", run.Lines("test (ubuntu, 20)"));
        Assert.Contains("leg debian-20 lts= 2/4", run.Lines("test (debian, 20)"));
        Assert.Contains("leg alpine-22 lts= 3/4", run.Lines("test (alpine, 22)"));
        Assert.Equal(4, run.Records().Count(r => r.GetProperty("identifier").GetString()!.StartsWith("__default.test.", StringComparison.Ordinal)
            && r.GetProperty("identifier").GetString()!.Count(c => c == '.') == 2));
    }

    [Fact]
    public async Task GHA_JOB_5_MatrixFromJson_OfANeededJobsOutput()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              plan:
                runs-on: ubuntu-latest
                outputs: { targets: "${{ steps.p.outputs.t }}" }
                steps:
                  - id: p
                    run: echo 't=["eu","us"]' >> "$GITHUB_OUTPUT"
              deploy:
                needs: plan
                runs-on: ubuntu-latest
                strategy: { matrix: { region: "${{ fromJSON(needs.plan.outputs.targets) }}" } }
                steps: [{ run: "echo to ${{ matrix.region }}" }]
            """);
        var run = await h.RunAsync();
        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("to eu", run.Lines("deploy (eu)"));
        Assert.Contains("to us", run.Lines("deploy (us)"));
    }

    [Fact]
    public async Task GHA_JOB_6_FailFast_CancelsTheRunningSibling()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              t:
                runs-on: ubuntu-latest
                strategy: { matrix: { n: [fail, slow] } }
                steps:
                  - run: if [ "${{ matrix.n }}" = fail ]; then sleep 1; exit 1; fi; sleep 120
            """);
        var started = DateTime.UtcNow;
        var run = await h.RunAsync();
        Assert.Equal(1, run.Code);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(100), "fail-fast stopped sleep 120");
        Assert.Equal("Failed", run.RecordResult("__default.t.1"), ignoreCase: true);
        Assert.Equal("Canceled", run.RecordResult("__default.t.2"), ignoreCase: true);
    }

    [Fact]
    public async Task GHA_JOB_6_MaxParallel1_LegsRunOneAfterAnother()
    {
        var h = new GitHubRunHarness();
        var log = Path.Combine(h.Dir, "order.log");
        h.Workflow("ci", $$$"""
            on: push
            jobs:
              t:
                runs-on: ubuntu-latest
                strategy: { max-parallel: 1, matrix: { n: [1, 2, 3] } }
                steps:
                  - run: echo "start ${{ matrix.n }}" >> {{{log}}}; sleep 0.3; echo "end ${{ matrix.n }}" >> {{{log}}}
            """);
        var run = await h.RunAsync("--parallel", "4");
        Assert.True(run.Code == 0, run.Err);
        Assert.Equal(["start 1", "end 1", "start 2", "end 2", "start 3", "end 3"], File.ReadAllLines(log));
    }

    [Fact]
    public async Task GHA_WF_10_CancelInProgress_CancelsTheRunningJobOfTheGroup()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                strategy: { fail-fast: false, matrix: { n: [old, new] } }
                concurrency: { group: "prod-${{ github.ref_name }}", cancel-in-progress: true }
                steps: [{ run: "sleep ${{ matrix.n == 'old' && 120 || 0 }}; echo done ${{ matrix.n }}" }]
            """);
        var run = await h.RunAsync();
        Assert.Equal(1, run.Code);
        Assert.Equal("Canceled", run.RecordResult("__default.deploy.1"), ignoreCase: true);
        Assert.Equal("Succeeded", run.RecordResult("__default.deploy.2"), ignoreCase: true);
        Assert.Contains("done new", run.Lines("deploy (new)"));
    }

    [Fact]
    public async Task GHA_REUSE_1_LocalReusableWorkflow_InputsSecretsOutputs()
    {
        var h = new GitHubRunHarness();
        h.Workflow("build", """
            on:
              workflow_call:
                inputs:
                  flavour: { type: string, required: true }
                  count: { type: number, default: 2 }
                secrets:
                  key: { required: true }
                outputs:
                  artifact: { value: "${{ jobs.make.outputs.name }}" }
            jobs:
              make:
                runs-on: ubuntu-latest
                outputs: { name: "${{ steps.n.outputs.name }}" }
                steps:
                  - run: echo "flavour=${{ inputs.flavour }} count=${{ inputs.count }} key=${{ secrets.key }}"
                  - id: n
                    run: echo "name=app-${{ inputs.flavour }}.tar" >> "$GITHUB_OUTPUT"
            """);
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                uses: ./.github/workflows/build.yml
                with: { flavour: mint }
                secrets: { key: "${{ secrets.SIGNING }}" }
              ship:
                needs: build
                runs-on: ubuntu-latest
                steps: [{ run: "echo shipping ${{ needs.build.outputs.artifact }}" }]
            """);
        var run = await h.RunAsync(".github/workflows/ci.yml", "--secret", "SIGNING=very-secret-key");
        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("flavour=mint count=2 key=***", run.Lines("build / make"));
        Assert.Contains("shipping app-mint.tar", run.Lines("ship"));
        Assert.DoesNotContain("very-secret-key", run.Out + run.AllLogs(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GHA_REUSE_1_RemoteReusableWorkflow_NotInTheActionsCache_Exit2()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              call: { uses: octo/shared/.github/workflows/build.yml@v2 }
            """);
        var run = await h.RunAsync("--actions-dir", Path.Combine(h.Dir, "cache"));
        Assert.Equal(2, run.Code);
        Assert.Contains($"the called workflow 'octo/shared/.github/workflows/build.yml@v2' is not in the actions cache: expected {Path.Combine(h.Dir, "cache", "octo", "shared", "v2", ".github", "workflows", "build.yml")}", run.Err, StringComparison.Ordinal);
    }
}
