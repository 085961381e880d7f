using static Slipway.Core.Pipelines.Azure.AzureDiagnosticCodes;

namespace Slipway.Core.Tests.Pipelines;

/// <summary>Section-11 examples that are structure only here (no trigger service, no environment locks):
/// TC-42 (AZP-TRIG-6/8), TC-44 (AZP-TRIG-32), TC-51 (AZP-DEP-9).</summary>
public sealed class TriggerAndLockConformanceTests
{
    private const string Steps = "steps:\n- script: x\n";

    [Fact]
    public void TC_42_BatchAndPaths_AreCompiledIntoThePushTrigger()
    {
        var push = Azure.Valid("trigger:\n  batch: true\n  branches:\n    include: [features/*]\n    exclude: [features/experimental/*]\n  paths:\n    exclude: [README.md]\n" + Steps).Triggers.Push;

        Assert.True(push.Enabled);
        Assert.True(push.Batch);
        Assert.Equal(["features/*"], push.Branches.Include);
        Assert.Equal(["features/experimental/*"], push.Branches.Exclude);
        Assert.Equal(["README.md"], push.Paths.Exclude);
        Assert.Empty(push.Paths.Include);
    }

    [Fact]
    public void TC_44_ScheduleDisplayName_AndAStageConditionOnIt_Compile()
    {
        var plan = Azure.Valid("schedules:\n- cron: '0 0 * * *'\n  displayName: Daily midnight build\n  branches:\n    include: [main]\n"
            + "stages:\n- stage: Nightly\n  condition: eq(variables['Build.CronSchedule.DisplayName'], 'Daily midnight build')\n  jobs:\n  - job: J\n    steps:\n    - script: x\n");

        Assert.Equal("Daily midnight build", Assert.Single(plan.Triggers.Schedules).DisplayName);
        Assert.Equal("eq(variables['Build.CronSchedule.DisplayName'], 'Daily midnight build')", plan.Stages[0].Condition!.Text);
    }

    [Theory]
    [InlineData("sequential")]
    [InlineData("runLatest")]
    public void TC_51_ExclusiveLockBehaviour_BothValuesOnStageAndPipeline(string behavior)
    {
        var plan = Azure.Valid($"lockBehavior: {behavior}\nstages:\n- stage: Deploy\n  lockBehavior: {behavior}\n  jobs:\n  - deployment: D\n    environment: production\n    strategy:\n      runOnce:\n        deploy:\n          steps:\n          - script: x\n");

        Assert.Equal(behavior, plan.LockBehavior);
        Assert.Equal(behavior, plan.Stages[0].LockBehavior);
    }

    [Fact]
    public void TC_51_ExclusiveLockBehaviour_OtherValuesAreErrors()
    {
        Azure.Error("lockBehavior: newest\n" + Steps, InvalidValue, 1, 15);
    }
}
