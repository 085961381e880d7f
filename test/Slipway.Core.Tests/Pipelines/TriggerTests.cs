using Slipway.Core.Planning;
using static Slipway.Core.Pipelines.Azure.AzureDiagnosticCodes;

namespace Slipway.Core.Tests.Pipelines;

public sealed class TriggerTests
{
    private const string Steps = "steps:\n- script: x\n";

    [Fact]
    public void AZP_TRIG_2_NoTriggerKey_MeansEveryBranch()
    {
        var plan = Azure.Valid(Steps);
        Assert.True(plan.Triggers.Push.IsImplicit);
        Assert.True(plan.Triggers.Push.Enabled);
        Assert.Equal(["*"], plan.Triggers.Push.Branches.Include);
        Assert.True(plan.Triggers.PullRequest.IsImplicit);
        Assert.Empty(plan.Triggers.Schedules);
    }

    [Fact]
    public void AZP_TRIG_1_TheThreeForms()
    {
        Assert.False(Azure.Valid("trigger: none\n" + Steps).Triggers.Push.Enabled);
        Assert.Equal(["main", "releases/*"], Azure.Valid("trigger:\n- main\n- releases/*\n" + Steps).Triggers.Push.Branches.Include);
        var full = Azure.Valid("trigger:\n  batch: true\n  branches:\n    include: [main]\n  paths:\n    exclude: [docs]\n  tags:\n    include: [v*]\n" + Steps).Triggers.Push;
        Assert.True(full.Batch);
        Assert.Equal(["main"], full.Branches.Include);
        Assert.Equal(["docs"], full.Paths.Exclude);
        Assert.Equal(["v*"], full.Tags.Include);
    }

    [Fact]
    public void AZP_TRIG_1_OtherScalars_AreInvalid()
    {
        Azure.Error("trigger: main\n" + Steps, InvalidValue, 1, 10);
    }

    [Fact]
    public void AZP_TRIG_3_TC41_ExcludeWithInclude_IsKept()
    {
        var push = Azure.Valid("trigger:\n  branches:\n    include: ['*']\n    exclude: [main]\n" + Steps).Triggers.Push;
        Assert.Equal(["*"], push.Branches.Include);
        Assert.Equal(["main"], push.Branches.Exclude);
    }

    [Fact]
    public void AZP_TRIG_1_UnknownTriggerKey_IsAnError()
    {
        var d = Azure.Error("trigger:\n  branch:\n    include: [main]\n" + Steps, UnknownKey, 2, 3);
        Assert.Contains("Did you mean 'branches'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_TRIG_5_InvalidBranchFilter_IsAnError()
    {
        Azure.Error("trigger:\n- /main\n" + Steps, InvalidBranchFilter, 2, 3);
        Azure.Error("trigger:\n- 'feature branch'\n" + Steps, InvalidBranchFilter, 2, 3);
    }

    [Fact]
    public void AZP_TRIG_20_TC43_PrForms()
    {
        Assert.False(Azure.Valid("pr: none\n" + Steps).Triggers.PullRequest.Enabled);
        var pr = Azure.Valid("pr:\n  autoCancel: false\n  drafts: false\n  branches:\n    include: [features/*]\n    exclude: [features/experimental/*]\n  paths:\n    exclude: [README.md]\n" + Steps).Triggers.PullRequest;
        Assert.False(pr.AutoCancel);
        Assert.False(pr.Drafts);
        Assert.Equal(["features/experimental/*"], pr.Branches.Exclude);
        Assert.Equal(["README.md"], pr.Paths.Exclude);
        Azure.Error("pr:\n  batch: true\n" + Steps, UnknownKey, 2, 3);
    }

    [Fact]
    public void AZP_TRIG_30_TC45_Schedules()
    {
        var plan = Azure.Valid("schedules:\n- cron: '0 0 * * *'\n  displayName: Daily midnight build\n  branches:\n    include: [main]\n- cron: '0 12 * * 0'\n  always: true\n" + Steps);
        Assert.Collection(plan.Triggers.Schedules,
            s => Assert.Equal(("0 0 * * *", "Daily midnight build", false, "main"), (s.Cron, s.DisplayName, s.Always, s.Branches.Include[0])),
            s => Assert.Equal(("0 12 * * 0", true), (s.Cron, s.Always)));
    }

    [Theory]
    [InlineData("*/4 * * * *")]
    [InlineData("0 1-5/2 * * *")]
    [InlineData("0 0 1,15 Jan-Jun Mon-Fri")]
    [InlineData("30 23 31 12 6")]
    public void AZP_TRIG_31_ValidCron_IsAccepted(string cron)
    {
        Assert.Single(Azure.Valid($"schedules:\n- cron: '{cron}'\n" + Steps).Triggers.Schedules);
    }

    [Theory]
    [InlineData("0 0 * *")]
    [InlineData("60 0 * * *")]
    [InlineData("0 24 * * *")]
    [InlineData("0 0 32 * *")]
    [InlineData("0 0 * 13 *")]
    [InlineData("every day")]
    public void AZP_TRIG_31_InvalidCron_IsAnErrorAtTheValue(string cron)
    {
        Azure.Error($"schedules:\n- cron: '{cron}'\n" + Steps, InvalidCron, 2, 9);
    }

    [Fact]
    public void AZP_TRIG_30_ScheduleWithoutCron_IsAnError()
    {
        Azure.Error("schedules:\n- displayName: nightly\n" + Steps, MissingKey, 2, 3);
    }

    [Fact]
    public void AZP_TRIG_40_RepositoryTrigger_HasCiSyntaxWithoutBatch()
    {
        var plan = Azure.Valid("resources:\n  repositories:\n  - repository: tools\n    type: git\n    name: Proj/Tools\n    trigger:\n      branches:\n        include: [main]\n" + Steps);
        var repo = Assert.Single(plan.Resources.Repositories);
        Assert.Equal(("tools", "git", "Proj/Tools", "main"), (repo.Alias, repo.Type, repo.Name, repo.Trigger!.Branches.Include[0]));
        Azure.Error("resources:\n  repositories:\n  - repository: tools\n    trigger:\n      batch: true\n" + Steps, UnknownKey, 5, 7);
    }

    [Fact]
    public void AZP_TRIG_41_TC46_PipelineResourceTrigger()
    {
        var plan = Azure.Valid("resources:\n  pipelines:\n  - pipeline: source-pipeline\n    source: CI\n    trigger:\n      branches:\n        include: [main, develop, features/*]\n        exclude: [features/experimental/*]\n      stages: [Build]\n" + Steps);
        var trigger = Assert.Single(plan.Resources.Pipelines).Trigger!;
        Assert.True(trigger.Enabled);
        Assert.Equal(["main", "develop", "features/*"], trigger.Branches.Include);
        Assert.Equal(["Build"], trigger.Stages);
        Assert.True(Azure.Valid("resources:\n  pipelines:\n  - pipeline: p\n    source: CI\n    trigger: true\n" + Steps).Resources.Pipelines[0].Trigger!.Enabled);
        Assert.Null(Azure.Valid("resources:\n  pipelines:\n  - pipeline: p\n    source: CI\n    trigger: none\n" + Steps).Resources.Pipelines[0].Trigger);
    }

    [Fact]
    public void AZP_TRIG_42_OtherResourceTriggers()
    {
        var plan = Azure.Valid(
            "resources:\n  containers:\n  - container: app\n    image: myacr.azurecr.io/app\n    type: ACR\n    trigger:\n      tags:\n        include: [prod*]\n" +
            "  packages:\n  - package: pkg\n    type: Npm\n    connection: c\n    name: left-pad\n    trigger: true\n" +
            "  builds:\n  - build: jenkins\n    type: Jenkins\n    connection: j\n    source: job\n    trigger: none\n" +
            "  webhooks:\n  - webhook: hook\n    connection: wc\n    filters:\n    - path: repository.name\n      value: app\n" + Steps);
        Assert.Equal((true, "prod*"), (plan.Resources.Containers[0].TriggerEnabled, plan.Resources.Containers[0].TriggerTags.Include[0]));
        Assert.True(plan.Resources.Packages[0].TriggerEnabled);
        Assert.False(plan.Resources.Builds[0].TriggerEnabled);
        Assert.Equal(("repository.name", "app"), (plan.Resources.Webhooks[0].Filters[0].Path, plan.Resources.Webhooks[0].Filters[0].Value));
        Azure.Error("resources:\n  builds:\n  - build: jenkins\n    type: Jenkins\n" + Steps, MissingKey, 3, 5);
    }

    [Fact]
    public void Resources_DuplicateAlias_IsAnError()
    {
        Azure.Error("resources:\n  containers:\n  - container: a\n    image: x\n  - container: a\n    image: y\n" + Steps, DuplicateResourceAlias, 5, 16);
    }

    [Fact]
    public void Resources_LegacyListForm_IsRejected()
    {
        Azure.Error("resources:\n- repo: self\n" + Steps, InvalidValue, 2, 1);
    }

    [Fact]
    public void Triggers_AreRecordedWithTheirLocations()
    {
        var plan = Azure.Valid("trigger:\n- main\n" + Steps);
        Assert.Equal(2, plan.Triggers.Push.Location.Line);
        Assert.IsType<FilterSet>(plan.Triggers.Push.Paths);
    }
}
