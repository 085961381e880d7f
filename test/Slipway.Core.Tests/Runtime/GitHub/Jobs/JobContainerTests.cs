using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Actions;
using Slipway.Core.Runtime.GitHub.Actions.WellKnown;
using Slipway.Core.Tests.Runtime.GitHub.Actions;

namespace Slipway.Core.Tests.Runtime.GitHub.Jobs;

/// <summary>GHA-JOB-10/11: a job with container:/services: never silently runs its steps on the host.</summary>
public sealed class JobContainerTests
{
    private const string Workflow = """
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            container: node:20
            services:
              redis:
                image: redis
            steps:
              - run: echo ran-on-the-host
        """;

    [Fact]
    public async Task GHA_JOB_10_WithoutAnEngine_TheJobFailsNamingWhatIsNeeded()
    {
        using var harness = new JobHarness();
        using var engine = new DockerEngine(TimeProvider.System, "slipway-test-no-such-docker");
        harness.Actions = new GitHubActionRunner(ActionFixtures.ActionsDirectory(harness), new WellKnownActions(), engine);

        var result = await harness.RunAsync(Workflow);

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.DoesNotContain("ran-on-the-host", harness.Output);
        var issue = Assert.Single(harness.Events.Issues, i => i.Code == "SLW8500");
        Assert.Contains("container: and services:", issue.Message, StringComparison.Ordinal);
        Assert.Contains("docker version", issue.Message, StringComparison.Ordinal);
        Assert.Contains("the docker CLI and a running Docker-compatible engine", issue.Message, StringComparison.Ordinal);
        Assert.Equal(5, issue.Line);
    }
}
