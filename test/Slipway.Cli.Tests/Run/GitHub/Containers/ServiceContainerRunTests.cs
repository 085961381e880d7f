namespace Slipway.Cli.Tests.Run.GitHub.Containers;

/// <summary>GHA-JOB-11: service containers on the job network, their health and ports, and their logs at "Stop containers".</summary>
[Collection(FakeDockerTests.Name)]
public sealed class ServiceContainerRunTests
{
    [Fact]
    public async Task GHA_JOB_11_Service_WaitedUntilHealthy_PortsInTheJobContext_LogsPrintedAtTheEnd()
    {
        using var docker = new FakeDocker(health: """{"postgres:16":"starting,healthy"}""");
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                services:
                  postgres:
                    image: postgres:16
                    env:
                      POSTGRES_PASSWORD: postgres
                    ports: ['5432']
                    options: >-
                      --health-cmd pg_isready
                      --health-interval 10s
                steps:
                  - run: |
                      echo "port=${{ job.services.postgres.ports['5432'] }}"
                      echo "same-network=${{ job.services.postgres.network == job.container.network }}"
                      echo "id=${{ job.services.postgres.id }}"
            """);
        var run = await h.RunAsync();

        Assert.True(run.Code == 0, run.Out + run.Err);
        var calls = docker.Calls;
        Assert.Equal(["version", "version", "network", "pull", "create", "start", "port", "inspect", "inspect", "logs", "rm", "network"], calls.Select(c => c.Command));
        var network = calls[2].Argv[^1];
        var create = calls[4].Argv;
        Assert.Equal(["create", "--name", create[2], "--label", "slipway", "--network", network, "--network-alias", "postgres", "-p", "5432",
            "--health-cmd", "pg_isready", "--health-interval", "10s", "-e", "POSTGRES_PASSWORD", "-e", "GITHUB_ACTIONS=true", "-e", "CI=true", "postgres:16"], create);
        Assert.True(calls[4].Env["POSTGRES_PASSWORD"]);
        var id = calls[5].Argv[1];
        Assert.Equal(["port", id], calls[6].Argv);
        Assert.Equal(["inspect", "--format={{if .Config.Healthcheck}}{{print .State.Health.Status}}{{end}}", id], calls[7].Argv);
        Assert.Equal(["logs", "--details", id], calls[9].Argv);
        Assert.Equal(["rm", "--force", id], calls[10].Argv);
        Assert.Equal(["network", "rm", network], calls[11].Argv);

        var lines = run.Lines("test");
        Assert.Contains("port=49153", lines);
        Assert.Contains("same-network=true", lines);
        Assert.Contains("id=" + id, lines);
        var logs = run.AllLogs();
        Assert.Contains("postgres service is starting, waiting 2 seconds before checking again.", logs, StringComparison.Ordinal);
        Assert.Contains("postgres service is healthy.", logs, StringComparison.Ordinal);
        Assert.Contains("Print service container logs: " + create[2], logs, StringComparison.Ordinal);
        Assert.Contains(" log line of postgres:16", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GHA_JOB_11_UnhealthyService_FailsTheJobBeforeItsSteps_AndIsRemoved()
    {
        using var docker = new FakeDocker(health: """{"redis:7":"unhealthy"}""");
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                container: node:20
                services:
                  redis: redis:7
                steps:
                  - run: echo should-not-run
            """);
        var run = await h.RunAsync();

        Assert.Equal(1, run.Code);
        Assert.DoesNotContain(docker.Calls, c => c.Command == "exec");
        Assert.DoesNotContain("should-not-run", run.Out, StringComparison.Ordinal);
        var issue = Assert.Single(run.Issues(), i => i.GetProperty("code").GetString() == "SLW8507");
        Assert.Equal("Failed to initialize, redis service is unhealthy.", issue.GetProperty("message").GetString());
        var ids = docker.Calls.Where(c => c.Command == "start").Select(c => c.Argv[1]).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids.Select(i => "rm --force " + i), docker.Calls.Where(c => c.Command == "rm").Select(c => c.Line));
        Assert.Equal("network", docker.Calls[^1].Command);
    }

    [Fact]
    public async Task GHA_JOB_10_PullFailure_RetriedThreeTimes_ThenTheJobFails()
    {
        using var docker = new FakeDocker(pullFail: "ghcr.io/acme/missing:1");
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                container: ghcr.io/acme/missing:1
                steps:
                  - run: echo should-not-run
            """);
        var run = await h.RunAsync();

        Assert.Equal(1, run.Code);
        Assert.Equal(["version", "version", "network", "pull", "pull", "pull", "network"], docker.Calls.Select(c => c.Command));
        Assert.Equal(["network", "rm"], docker.Calls[^1].Argv.Take(2));
        var issue = Assert.Single(run.Issues(), i => i.GetProperty("code").GetString() == "SLW8505");
        Assert.Equal("Docker pull failed with exit code 1", issue.GetProperty("message").GetString());
        Assert.Contains("pull access denied for ghcr.io/acme/missing:1", run.AllLogs(), StringComparison.Ordinal);
        Assert.DoesNotContain("should-not-run", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GHA_JOB_10_ContainerThatFailsToStart_FailsTheJob_AndIsRemoved()
    {
        using var docker = new FakeDocker(startFail: "distroless:1");
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                container: distroless:1
                steps:
                  - run: echo should-not-run
            """);
        var run = await h.RunAsync();

        Assert.Equal(1, run.Code);
        var id = docker.Calls.Single(c => c.Command == "start").Argv[1];
        Assert.Equal(["version", "version", "network", "pull", "create", "start", "rm", "network"], docker.Calls.Select(c => c.Command));
        Assert.Equal(["rm", "--force", id], docker.Calls[^2].Argv);
        var issue = Assert.Single(run.Issues(), i => i.GetProperty("code").GetString() == "SLW8506");
        Assert.Equal("Docker start fail with exit code 127", issue.GetProperty("message").GetString());
        Assert.Contains("executable file not found", run.AllLogs(), StringComparison.Ordinal);
        Assert.DoesNotContain("should-not-run", run.Out, StringComparison.Ordinal);
    }
}
