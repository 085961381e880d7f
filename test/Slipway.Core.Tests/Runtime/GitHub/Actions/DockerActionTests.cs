using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Actions;
using Slipway.Core.Runtime.GitHub.Actions.WellKnown;
using Slipway.Core.Tests.Runtime.GitHub.Jobs;

namespace Slipway.Core.Tests.Runtime.GitHub.Actions;

/// <summary>GHA-ACT-3: the docker command lines, and the message when no engine answers.</summary>
public sealed class DockerActionTests
{
    private static readonly ContainerMounts Mounts = new("/w/ws", "/w/_runner_file_commands", "/w/_temp", "/w/_github_workflow");

    [Fact]
    public void ActionRunsRemovedWithWorkspaceMountedAndVariablesByName()
    {
        var args = DockerCommands.RunAction("slipway_step_7", "alpine:3.20", Mounts, ["INPUT_WHO", "GITHUB_WORKSPACE"], "/entry.sh", ["a b", "c"]);
        Assert.Equal(
            "run --rm --name slipway_step_7 --label slipway --workdir /github/workspace -e INPUT_WHO -e GITHUB_WORKSPACE "
            + "-v /var/run/docker.sock:/var/run/docker.sock -v /w/ws:/github/workspace -v /w/_runner_file_commands:/github/file_commands "
            + "-v /w/_temp:/github/runner_temp -v /w/_github_workflow:/github/workflow --entrypoint /entry.sh alpine:3.20",
            string.Join(' ', args.Take(args.Count - 2)));
        Assert.Equal(["a b", "c"], args.TakeLast(2));
    }

    [Fact]
    public void ServiceContainerOnTheJobNetworkWithPortsEnvAndOptions()
    {
        var spec = new ContainerSpec("slipway_redis_1", "redis", "redis:7")
        {
            Ports = ["6379:6379"],
            EnvironmentNames = ["REDIS_PASSWORD"],
            Options = "--health-cmd \"redis-cli ping\" --health-interval 10s",
        };
        Assert.Equal(
            ["run", "-d", "--name", "slipway_redis_1", "--label", "slipway", "--network", "net1", "--network-alias", "redis", "-p", "6379:6379",
             "-e", "REDIS_PASSWORD", "--health-cmd", "redis-cli ping", "--health-interval", "10s", "redis:7"],
            DockerCommands.RunDetached(spec, "net1"));
        Assert.Equal(["network", "create", "--label", "slipway", "net1"], DockerCommands.CreateNetwork("net1"));
    }

    [Fact]
    public void JobContainerIsKeptAliveAndStepsExecInIt()
    {
        var run = DockerCommands.RunJobContainer(new ContainerSpec("slipway_job_1", "job", "node:20"), "net1", Mounts);
        Assert.Equal(["--entrypoint", "tail", "node:20", "-f", "/dev/null"], run.TakeLast(5));
        Assert.Equal(["exec", "-i", "--workdir", "/github/workspace", "-e", "CI", "slipway_job_1", "bash", "-e", "/github/runner_temp/x.sh"],
            DockerCommands.Exec("slipway_job_1", "/github/workspace", ["CI"], ["bash", "-e", "/github/runner_temp/x.sh"]));
    }

    [Fact]
    public void HostPathsAreTranslatedForTheContainer()
    {
        Assert.Equal("/github/file_commands/set_output_1", Mounts.Translate("/w/_runner_file_commands/set_output_1"));
        Assert.Equal("/github/workspace", Mounts.Translate("/w/ws"));
        Assert.Equal("/w/wsx", Mounts.Translate("/w/wsx"));
    }

    [Fact]
    public async Task DockerStepWithoutAnEngineFailsWithTheMessage()
    {
        var harness = new JobHarness();
        using var engine = new DockerEngine(TimeProvider.System, "slipway-test-no-such-docker");
        harness.Actions = new GitHubActionRunner(ActionFixtures.ActionsDirectory(harness), new WellKnownActions(), engine);
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: docker://alpine:3.20
                    with:
                      args: echo hi
            """);

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.Contains(harness.Events.Issues, i => i.Message == DockerEngine.MissingMessage);
    }
}
