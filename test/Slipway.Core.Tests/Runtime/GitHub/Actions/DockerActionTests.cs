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
