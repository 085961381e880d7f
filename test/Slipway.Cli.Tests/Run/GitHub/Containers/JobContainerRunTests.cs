using System.Text.RegularExpressions;

namespace Slipway.Cli.Tests.Run.GitHub.Containers;

/// <summary>
/// GHA-JOB-10: a job container through the (fake) docker CLI. Expected command lines are RUN's
/// (<c>ContainerOperationProvider</c>, <c>DockerCommandManager</c>, <c>ContainerStepHost</c>), values by name only.
/// </summary>
[Collection(FakeDockerTests.Name)]
public sealed partial class JobContainerRunTests
{
    private const string Secret = "Pa55-Container+Secret/7";

    [Fact]
    public async Task GHA_JOB_10_JobContainer_CreatedAsTheRunnerDoes_StepsRunByDockerExec_ThenRemoved()
    {
        using var docker = new FakeDocker();
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                container:
                  image: node:20
                  env:
                    NODE_ENV: test
                    API_TOKEN: ${{ secrets.API_TOKEN }}
                  ports: [8080]
                  volumes: ['/tmp:/host-tmp']
                  options: --cpus 1
                steps:
                  - id: first
                    run: |
                      echo "greeting=hello" >> "$GITHUB_OUTPUT"
                      echo "FROM_ENV=set-by-step" >> "$GITHUB_ENV"
                      mkdir -p "$RUNNER_TEMP/tools" && echo "$RUNNER_TEMP/tools" >> "$GITHUB_PATH"
                  - run: |
                      echo "seen=$FROM_ENV greeting=${{ steps.first.outputs.greeting }}"
                      echo "container=${{ job.container.id }} network=${{ job.container.network }}"
            """);
        var run = await h.RunAsync("--secret", "API_TOKEN=" + Secret);

        Assert.True(run.Code == 0, run.Out + run.Err);
        var calls = docker.Calls;
        Assert.Equal(["version", "version", "network", "pull", "create", "start", "inspect", "exec", "exec", "rm", "network"], calls.Select(c => c.Command));
        var network = calls[2].Argv[^1];
        Assert.Matches(NetworkName(), network);
        Assert.Equal(["network", "create", "--label", "slipway", network], calls[2].Argv);
        Assert.Equal(["pull", "node:20"], calls[3].Argv);

        var create = calls[4].Argv;
        var id = calls[5].Argv[1];
        var name = create[2];
        Assert.Matches(ContainerName(), name);
        var workdir = create[6];
        Assert.Matches(Workspace(), workdir);
        Assert.Equal(["create", "--name", name, "--label", "slipway", "--workdir", workdir, "--network", network, "-p", "8080", "--cpus", "1",
            "-e", "NODE_ENV", "-e", "API_TOKEN", "-e", "HOME=/github/home", "-e", "GITHUB_ACTIONS=true", "-e", "CI=true",
            "-v", "/var/run/docker.sock:/var/run/docker.sock", "-v", "/tmp:/host-tmp"], create.Take(27));
        Assert.Equal(["--entrypoint", "tail", "node:20", "-f", "/dev/null"], create.TakeLast(5));
        var volumes = Volumes(create);
        Assert.Contains(volumes, v => v.EndsWith(":/__w", StringComparison.Ordinal));
        // RUNNER_TEMP is the run slot's temp folder (as a runner's _work/_temp), mounted where the runner mounts _temp.
        var temp = Assert.Single(volumes, v => SlotTemp().IsMatch(v))[..^":/__w/_temp".Length];
        Assert.Contains(volumes, v => v.EndsWith(":/__t", StringComparison.Ordinal));
        Assert.Contains(temp + "/_github_home:/github/home", volumes);
        Assert.Contains(temp + "/_github_workflow:/github/workflow", volumes);
        Assert.Contains(volumes, v => v.EndsWith(":/__e/node20:ro", StringComparison.Ordinal));
        Assert.True(calls[4].Env["NODE_ENV"] && calls[4].Env["API_TOKEN"], "the values of -e NAME come from the docker CLI's environment");
        Assert.Equal(["start", id], calls[5].Argv);
        Assert.Equal(["inspect", "--format={{range .Config.Env}}{{println .}}{{end}}", id], calls[6].Argv);

        // ContainerStepHost: docker exec -i --workdir <translated> -e NAME... <id> sh -e <script>; the default shell in a container is sh.
        var first = calls[7];
        Assert.Equal(["exec", "-i", "--workdir", workdir], first.Argv.Take(4));
        Assert.Equal(id, first.Argv[^4]);
        Assert.Equal(["sh", "-e"], first.Argv.TakeLast(3).Take(2));
        Assert.Matches(ScriptPath(), first.Argv[^1]);
        Assert.DoesNotContain("PATH", first.Env.Keys);
        Assert.DoesNotContain("HOME", first.Env.Keys);
        Assert.Equal(workdir, first.Values["GITHUB_WORKSPACE"]);
        Assert.Equal("/__w/_temp", first.Values["RUNNER_TEMP"]);
        Assert.Equal("/github/workflow/event.json", first.Values["GITHUB_EVENT_PATH"]);
        Assert.StartsWith("/__w/_temp/_runner_file_commands/set_output_", first.Values["GITHUB_OUTPUT"], StringComparison.Ordinal);
        Assert.StartsWith("/__w/_temp/_runner_file_commands/add_path_", first.Values["GITHUB_PATH"], StringComparison.Ordinal);

        // GITHUB_PATH additions go before the image's PATH (-e PATH=..., RUN ContainerStepHost).
        var second = calls[8];
        Assert.Contains("-e", second.Argv);
        Assert.Contains("PATH=/__w/_temp/tools:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", second.Argv);
        Assert.True(second.Env["FROM_ENV"]);

        Assert.Equal(["rm", "--force", id], calls[9].Argv);
        Assert.Equal(["network", "rm", network], calls[10].Argv);

        var lines = run.Lines("build");
        Assert.Contains("seen=set-by-step greeting=hello", lines);
        Assert.Contains($"container={id} network={network}", lines);
        Assert.Contains("shell: sh -e {0}", run.AllLogs(), StringComparison.Ordinal);
        Assert.Contains($"Stop and remove container: {name}", run.AllLogs(), StringComparison.Ordinal);
        Assert.Contains($"Remove container network: {network}", run.AllLogs(), StringComparison.Ordinal);
        var steps = run.Records().Select(r => r.GetProperty("displayName").GetString()).ToList();
        Assert.Equal("Initialize containers", steps[steps.IndexOf("Set up job") + 1]);
        Assert.Equal("Stop containers", steps[^1]);
        Assert.DoesNotContain(Secret, docker.LogText, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Out + run.Err + run.AllLogs(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GHA_JOB_10_ShellBash_IsRunByName_InTheContainer()
    {
        using var docker = new FakeDocker();
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                container: alpine:3.20
                steps:
                  - shell: bash
                    run: echo "in $0"
            """);
        var run = await h.RunAsync();

        Assert.True(run.Code == 0, run.Out + run.Err);
        var exec = Assert.Single(docker.Calls, c => c.Command == "exec");
        Assert.Equal(["bash", "--noprofile", "--norc", "-e", "-o", "pipefail"], exec.Argv.TakeLast(7).Take(6));
        Assert.Contains("shell: bash --noprofile --norc -e -o pipefail {0}", run.AllLogs(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GHA_JOB_10_FailingStep_TheContainersAreStillRemoved()
    {
        using var docker = new FakeDocker();
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                container: alpine:3.20
                steps:
                  - run: exit 3
                  - run: echo never
            """);
        var run = await h.RunAsync();

        Assert.Equal(1, run.Code);
        Assert.Equal(["exec", "rm", "network"], docker.Calls.Skip(7).Select(c => c.Command));
        Assert.DoesNotContain("never", run.Lines("build"));
        Assert.Contains("Process completed with exit code 3.", run.AllLogs(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GHA_JOB_10_JobTimeout_CancelsTheStep_AndRemovesTheContainers()
    {
        using var docker = new FakeDocker();
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                timeout-minutes: 0.05
                container: alpine:3.20
                steps:
                  - run: sleep 120
            """);
        var run = await h.RunAsync();

        Assert.NotEqual(0, run.Code);
        Assert.Contains("has exceeded the maximum execution time", run.Out + run.Err + run.AllLogs(), StringComparison.Ordinal);
        var calls = docker.Calls;
        var id = calls.Single(c => c.Command == "start").Argv[1];
        Assert.Equal(["rm", "--force", id], calls[^2].Argv);
        Assert.Equal(["network", "rm"], calls[^1].Argv.Take(2));
    }

    private static List<string> Volumes(IReadOnlyList<string> create) =>
        [.. create.Select((a, i) => (a, i)).Where(p => p.a == "-v").Select(p => create[p.i + 1])];

    [GeneratedRegex("/_slot[0-9]+/_temp:/__w/_temp$")]
    private static partial Regex SlotTemp();

    [GeneratedRegex("^github_network_[0-9a-f]{32}$")]
    private static partial Regex NetworkName();

    [GeneratedRegex("^[0-9a-f]{32}_[A-Za-z0-9_]+_[0-9a-f]{6}$")]
    private static partial Regex ContainerName();

    [GeneratedRegex("^/__w/([^/]+)/\\1$")]
    private static partial Regex Workspace();

    [GeneratedRegex("^/__w/_temp/[0-9a-f-]{36}\\.sh$")]
    private static partial Regex ScriptPath();
}
