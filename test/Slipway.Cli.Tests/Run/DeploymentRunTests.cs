namespace Slipway.Cli.Tests.Run;

/// <summary>Deployment jobs: hooks in the documented order, strategy variables, on.success/on.failure (AZP-DEPL-1..5).</summary>
[Trait("Category", "EndToEnd")]
public sealed class DeploymentRunTests
{
    private const string Hooks = """
        jobs:
        - deployment: Ship
          environment: staging
          strategy:
            STRATEGY
              preDeploy:
                steps:
                - bash: |
                    echo "hook preDeploy $(Strategy.Name) env=$(Environment.Name)"
              deploy:
                steps:
                - bash: |
                    echo "hook deploy $(strategy.increment)"
                    DEPLOY_EXIT
              routeTraffic:
                steps:
                - bash: |
                    echo "hook routeTraffic $(strategy.increment)"
              postRouteTraffic:
                steps:
                - bash: |
                    echo "hook postRouteTraffic $(strategy.increment)"
              on:
                failure:
                  steps:
                  - bash: |
                      echo "hook on.failure"
                success:
                  steps:
                  - bash: |
                      echo "hook on.success"
        """;

    [Fact]
    public async Task AZP_DEPL_4_RunOnce_HooksInOrderThenOnSuccess()
    {
        var run = await new RunHarness().RunAsync(Hooks.Replace("STRATEGY", "runOnce:", StringComparison.Ordinal).Replace("DEPLOY_EXIT", "true", StringComparison.Ordinal));
        var hooks = run.Lines("Ship").Where(l => l.StartsWith("hook ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["hook preDeploy runOnce env=staging", "hook deploy ", "hook routeTraffic ", "hook postRouteTraffic ", "hook on.success"], hooks);
        Assert.Equal(0, run.Code);
        Assert.DoesNotContain(run.Records(), r => r.GetProperty("name").GetString() == "Checkout");
    }

    [Fact]
    public async Task AZP_DEPL_5_Canary_PerIncrement_FailureRunsOnFailure()
    {
        var run = await new RunHarness().RunAsync(Hooks.Replace("STRATEGY", "canary:\n      increments: [10, 20]", StringComparison.Ordinal).Replace("DEPLOY_EXIT", "test $(strategy.increment) -lt 20", StringComparison.Ordinal));
        var hooks = run.Lines("Ship").Where(l => l.StartsWith("hook ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["hook preDeploy canary env=staging", "hook deploy 10", "hook routeTraffic 10", "hook postRouteTraffic 10", "hook deploy 20", "hook on.failure"], hooks);
        Assert.Equal(1, run.Code);
        Assert.Equal("Failed", run.RecordResult("__default.Ship"));
    }
}
