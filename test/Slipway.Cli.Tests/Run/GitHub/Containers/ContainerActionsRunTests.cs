namespace Slipway.Cli.Tests.Run.GitHub.Containers;

/// <summary>Actions in a container job: JavaScript actions run with the host's node mounted at /__e/node20; Docker actions join the job network.</summary>
[Collection(FakeDockerTests.Name)]
public sealed class ContainerActionsRunTests
{
    [Fact]
    public async Task GHA_JOB_10_JavaScriptAction_RunsInTheJobContainer_WithTheMountedNode()
    {
        using var docker = new FakeDocker();
        var h = new GitHubRunHarness();
        var actions = Directory.CreateTempSubdirectory("slipway-actions-").FullName;
        h.Write(Path.Combine(actions, "octo/js/v1/action.yml"), "inputs:\n  name: {}\noutputs:\n  said: {}\nruns:\n  using: node20\n  main: main.js\n");
        h.Write(Path.Combine(actions, "octo/js/v1/main.js"), """
            const fs = require("fs");
            console.log(`js says ${process.env.INPUT_NAME} in ${process.env.GITHUB_WORKSPACE === process.cwd()}`);
            fs.appendFileSync(process.env.GITHUB_OUTPUT, `said=${process.env.INPUT_NAME}\n`);
            """);
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                container: node:20
                steps:
                  - id: js
                    uses: octo/js@v1
                    with:
                      name: container
                  - run: echo "output=${{ steps.js.outputs.said }}"
            """);
        var run = await h.RunAsync("--actions-dir", actions);

        Assert.True(run.Code == 0, run.Out + run.Err);
        var create = docker.Calls.Single(c => c.Command == "create").Argv;
        Assert.Contains($"{actions}:/__w/_actions", create);
        var node = docker.Calls.First(c => c.Command == "exec");
        Assert.Equal(["/__e/node20/bin/node", "/__w/_actions/octo/js/v1/main.js"], node.Argv.TakeLast(2));
        Assert.True(node.Env["INPUT_NAME"]);
        Assert.Equal("/__w/_actions/octo/js/v1", node.Values["GITHUB_ACTION_PATH"]);
        Assert.Contains("js says container in true", run.Lines("build"));
        Assert.Contains("output=container", run.Lines("build"));
    }

    [Fact]
    public async Task GHA_JOB_10_DockerAction_InAContainerJob_JoinsTheJobNetwork()
    {
        using var docker = new FakeDocker();
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                services:
                  redis: redis:7
                steps:
                  - uses: docker://alpine:3.20
                    with:
                      args: echo hi
            """);
        var run = await h.RunAsync();

        Assert.True(run.Code == 0, run.Out + run.Err);
        var network = docker.Calls.First(c => c.Command == "network").Argv[^1];
        var action = docker.Calls.Single(c => c.Command == "run").Argv;
        var at = action.ToList().IndexOf("--network");
        Assert.True(at > 0, string.Join(' ', action));
        Assert.Equal(network, action[at + 1]);
    }
}
