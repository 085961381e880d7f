using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;

namespace Slipway.Core.Tests.Runtime.GitHub.Workflows;

/// <summary>GHA-REUSE-1/2, GHA-WF-6: called workflows with inputs, secrets and outputs, local and from the actions cache.</summary>
public sealed class ReusableWorkflowRunTests
{
    private const string Callee = """
        on:
          workflow_call:
            inputs:
              target: { type: string, required: true }
              dry: { type: boolean }
              count: { type: number, default: 3 }
            secrets:
              token: { required: true }
            outputs:
              url: { value: "${{ jobs.deploy.outputs.url }}-${{ jobs.deploy.result }}" }
        jobs:
          deploy:
            name: Deploy it
            runs-on: ubuntu-latest
            outputs: { url: x }
            steps: [{ run: x }]
        """;

    [Fact]
    public async Task GHA_REUSE_1_LocalCall_TypedInputs_MappedSecrets_OutputsToNeeds()
    {
        var h = new WorkflowHarness();
        h.Write(".github/workflows/deploy.yml", Callee);
        h.Runner.Returns("deploy", RunResult.Succeeded, ("url", "https://x"));
        var run = await h.RunAsync("""
            on: push
            jobs:
              call:
                uses: ./.github/workflows/deploy.yml
                with: { target: "prod-${{ github.ref_name }}" }
                secrets: { token: "${{ secrets.API }}" }
              after:
                needs: call
                runs-on: ubuntu-latest
                steps: [{ run: x }]
            """, new Core.Runtime.RunOptions { RepositoryRoot = ".", Secrets = [new("API", "abc123"), new("OTHER", "zzz")] });
        Assert.Equal(RunResult.Succeeded, run.Result);
        var deploy = h.Runner.Request("call / Deploy it");
        Assert.Equal("""{"target":"prod-main","dry":false,"count":3}""", ValueText.Of(deploy.Inputs));
        Assert.Equal("abc123", ValueText.Of(deploy.Secrets["token"]));
        Assert.False(deploy.Secrets.TryGetValue("OTHER", out _));
        Assert.StartsWith("ghs_", ValueText.Of(deploy.Secrets["GITHUB_TOKEN"]), StringComparison.Ordinal);
        Assert.Equal("__default.call.deploy", deploy.Node.Identifier);
        Assert.Equal("""{"call":{"result":"success","outputs":{"url":"https://x-success"}}}""", ValueText.Of(h.Runner.Request("after").Needs));
    }

    [Fact]
    public async Task GHA_REUSE_1_SecretsInherit_AndFailingCalleeFailsTheCall()
    {
        var h = new WorkflowHarness();
        h.Write(".github/workflows/deploy.yml", Callee);
        h.Runner.Returns("deploy", RunResult.Failed);
        var run = await h.RunAsync("""
            on: push
            jobs:
              call:
                uses: ./.github/workflows/deploy.yml
                with: { target: t, dry: true }
                secrets: inherit
              after: { needs: call, runs-on: ubuntu-latest, steps: [{ run: x }] }
            """, new Core.Runtime.RunOptions { RepositoryRoot = ".", Secrets = [new("token", "t0k"), new("OTHER", "zzz")] });
        Assert.Equal(RunResult.Failed, run.Result);
        var deploy = h.Runner.Request("call / Deploy it");
        Assert.Equal("zzz", ValueText.Of(deploy.Secrets["OTHER"]));
        Assert.Equal("true", ValueText.Of(deploy.Inputs["dry"]));
        Assert.Equal(RunResult.Skipped, h.Results()["after"]);
    }

    [Fact]
    public async Task GHA_REUSE_1_RemoteCall_IsReadFromTheActionsCache()
    {
        var h = new WorkflowHarness();
        h.Write("actions-cache/octo/shared/v1/.github/workflows/deploy.yml", Callee);
        var run = await h.RunAsync("""
            on: push
            jobs:
              remote:
                uses: octo/shared/.github/workflows/deploy.yml@v1
                with: { target: t }
                secrets: { token: x }
            """);
        Assert.Equal(RunResult.Succeeded, run.Result);
        Assert.Equal("remote / Deploy it", Assert.Single(h.Runner.Requests).DisplayName);
    }

    [Fact]
    public async Task GHA_REUSE_1_MatrixOfCalls_NestedCalls_AreNamedCallSlashJob()
    {
        var h = new WorkflowHarness();
        h.Write(".github/workflows/inner.yml", """
            on: { workflow_call: { inputs: { v: { type: string } } } }
            jobs:
              leaf: { runs-on: ubuntu-latest, steps: [{ run: x }] }
            """);
        h.Write(".github/workflows/middle.yml", """
            on: { workflow_call: { inputs: { v: { type: string } } } }
            jobs:
              inner: { uses: ./.github/workflows/inner.yml, with: { v: "${{ inputs.v }}" } }
            """);
        await h.RunAsync("""
            on: push
            jobs:
              outer:
                strategy: { matrix: { v: [a, b] } }
                uses: ./.github/workflows/middle.yml
                with: { v: "${{ matrix.v }}" }
            """);
        Assert.Equal(["outer (a) / inner / leaf", "outer (b) / inner / leaf"], h.Runner.Requests.Select(r => r.DisplayName).Order());
        Assert.Equal(["a", "b"], h.Runner.Requests.Select(r => ValueText.Of(r.Inputs["v"])).Order());
        Assert.Contains(h.Events.All.OfType<RecordCompleted>(), c => c.Node.Identifier == "__default.outer.1.inner.leaf");
    }
}
