using Slipway.Core.Planning;
using static Slipway.Core.Pipelines.Azure.AzureDiagnosticCodes;

namespace Slipway.Core.Tests.Pipelines;

public sealed class DeploymentTests
{
    private static string Deployment(string name, string body) => $"jobs:\n- deployment: {name}\n{body}";

    private const string RunOnce = "  environment: staging\n  strategy:\n    runOnce:\n      deploy:\n        steps:\n        - script: echo deploy\n";

    [Fact]
    public void AZP_DEPL_1_DeploymentJob_StepsLiveInTheHooks_AndThereIsNoImplicitCheckout()
    {
        var job = Azure.Valid(Deployment("DeployWeb", RunOnce)).Stages[0].Jobs[0];
        Assert.Equal(JobKind.Deployment, job.Kind);
        Assert.Empty(job.Steps);
        var hook = Assert.Single(job.Deployment!.Strategy.Hooks);
        Assert.Equal(LifecycleHookKind.Deploy, hook.Kind);
        Assert.Equal(["CmdLine@2"], hook.Steps.Select(s => s.Task.ToString()));
        Assert.Equal(["CmdLine@2"], job.AllSteps.Select(s => s.Task.ToString()));
    }

    [Fact]
    public void AZP_DEPL_1_DeployIsAReservedName()
    {
        var d = Azure.Error(Deployment("deploy", RunOnce), ReservedName, 2, 3);
        Assert.Contains("reserved", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_DEPL_1_StepsOnADeploymentJob_IsAnError()
    {
        Azure.Error(Deployment("D", RunOnce + "  steps:\n  - script: x\n"), StepsOnDeployment, 9, 3);
    }

    [Fact]
    public void AZP_DEPL_1_StrategyIsRequired_AndHasExactlyOneKind()
    {
        Azure.Error(Deployment("D", "  environment: e\n"), MissingStrategy, 2, 3);
        Azure.Error(Deployment("D", "  environment: e\n  strategy:\n    runOnce:\n      deploy:\n        steps: []\n    canary:\n      increments: [10]\n"), MissingStrategy, 5, 5);
    }

    [Fact]
    public void AZP_DEPL_2_EnvironmentForms()
    {
        var simple = Azure.Valid(Deployment("D", RunOnce)).Stages[0].Jobs[0].Deployment!.Environment;
        Assert.Equal(("staging", null), (simple.Name, simple.ResourceName));
        var dotted = Azure.Valid(Deployment("D", RunOnce.Replace("staging", "smarthotel-dev.bookings", StringComparison.Ordinal))).Stages[0].Jobs[0].Deployment!.Environment;
        Assert.Equal(("smarthotel-dev", "bookings"), (dotted.Name, dotted.ResourceName));
        var full = Azure.Valid(Deployment("D", "  environment:\n    name: env2\n    resourceType: virtualmachine\n    tags: web\n  strategy:\n    runOnce:\n      deploy:\n        steps:\n        - script: x\n")).Stages[0].Jobs[0].Deployment!.Environment;
        Assert.Equal(("env2", "virtualmachine", "web"), (full.Name, full.ResourceType, full.Tags));
    }

    [Fact]
    public void AZP_DEPL_2_MissingEnvironment_IsAWarning()
    {
        Azure.Warning(Deployment("D", "  strategy:\n    runOnce:\n      deploy:\n        steps:\n        - script: x\n"), MissingEnvironment, 2, 3);
    }

    [Fact]
    public void AZP_DEPL_4_RunOnceHooks_InRunOrder()
    {
        var yaml = Deployment("D", "  environment: e\n  strategy:\n    runOnce:\n      on:\n        success:\n          steps:\n          - script: ok\n        failure:\n          steps:\n          - script: bad\n" +
            "      postRouteTraffic:\n        steps:\n        - script: post\n      routeTraffic:\n        steps:\n        - script: route\n      deploy:\n        pool: server\n        steps:\n        - script: deploy\n      preDeploy:\n        steps:\n        - script: pre\n");
        var strategy = Azure.Valid(yaml).Stages[0].Jobs[0].Deployment!.Strategy;
        Assert.Equal(DeploymentStrategyKind.RunOnce, strategy.Kind);
        Assert.Equal(
            [LifecycleHookKind.PreDeploy, LifecycleHookKind.Deploy, LifecycleHookKind.RouteTraffic, LifecycleHookKind.PostRouteTraffic, LifecycleHookKind.OnFailure, LifecycleHookKind.OnSuccess],
            strategy.Hooks.Select(h => h.Kind));
        Assert.True(strategy.Find(LifecycleHookKind.Deploy)!.Pool!.IsServer);
    }

    [Fact]
    public void AZP_DEPL_4_RollingAndCanary()
    {
        var rolling = Azure.Valid(Deployment("D", "  environment: e\n  strategy:\n    rolling:\n      maxParallel: 25%\n      deploy:\n        steps:\n        - script: x\n")).Stages[0].Jobs[0].Deployment!.Strategy;
        Assert.Equal((DeploymentStrategyKind.Rolling, "25%"), (rolling.Kind, rolling.MaxParallel));
        var canary = Azure.Valid(Deployment("D", "  environment: e\n  strategy:\n    canary:\n      increments: [10, 20]\n      deploy:\n        steps:\n        - script: x\n")).Stages[0].Jobs[0].Deployment!.Strategy;
        Assert.Equal(DeploymentStrategyKind.Canary, canary.Kind);
        Assert.Equal([10, 20], canary.Increments);
        Azure.Error(Deployment("D", "  environment: e\n  strategy:\n    rolling:\n      maxParallel: half\n"), InvalidValue, 6, 20);
        Azure.Error(Deployment("D", "  environment: e\n  strategy:\n    canary:\n      increments: [10, 200]\n"), InvalidInteger, 6, 24);
        Azure.Error(Deployment("D", "  environment: e\n  strategy:\n    runOnce:\n      maxParallel: 2\n"), UnknownKey, 6, 7);
    }

    [Fact]
    public void AZP_DEPL_1_ReviewApp_IsOnlyForDeploymentJobs()
    {
        Assert.Equal("ReviewApp@0", Azure.Valid(Deployment("D", "  environment: e\n  strategy:\n    runOnce:\n      deploy:\n        steps:\n        - reviewApp: MainNamespace\n")).Stages[0].Jobs[0].AllSteps.Single().Task.ToString());
        Azure.Error("steps:\n- reviewApp: MainNamespace\n", ReviewAppOutsideDeployment, 2, 3);
    }

    [Fact]
    public void AZP_STEP_10_StepNamesAreUniquePerHook()
    {
        Azure.Valid(Deployment("D", "  environment: e\n  strategy:\n    runOnce:\n      preDeploy:\n        steps:\n        - script: a\n          name: s\n      deploy:\n        steps:\n        - script: b\n          name: s\n"));
    }
}
