using Slipway.Core.Planning;
using Slipway.Core.Planning.Rendering;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

/// <summary>
/// Prints a plan in the shape Azure DevOps shows as "full YAML": stages → jobs → steps with every
/// default written out (implied stage and job, dependsOn, step names, the task form of shorthand steps).
/// </summary>
internal static partial class AzurePlanPrinter
{
    public static YamlMapping ToNode(Plan plan)
    {
        var root = new MappingBuilder()
            .Add("name", plan.RunNameFormat ?? "$(Date:yyyyMMdd).$(Rev:r)")
            .Add("appendCommitMessageToRunName", plan.AppendCommitMessageToRunName ? null : false)
            .Add("trigger", Push(plan.Triggers.Push))
            .Add("pr", PullRequest(plan.Triggers.PullRequest))
            .Add("schedules", plan.Triggers.Schedules.Count == 0 ? null : Node.List(plan.Triggers.Schedules.Select(Schedule)))
            .Add("resources", Resources(plan.Resources))
            .Add("parameters", plan.Parameters.Count == 0 ? null : Node.List(plan.Parameters.Select(Parameter)))
            .Add("variables", Variables(plan.Variables))
            .Add("pool", Pool(plan.Pool))
            .Add("lockBehavior", plan.LockBehavior)
            .Add("stages", Node.List(plan.Stages.Select(Stage)));
        return root.Build();
    }

    private static YamlNode Push(PushTrigger trigger)
    {
        if (!trigger.Enabled)
        {
            return Node.Text("none");
        }

        return new MappingBuilder()
            .Add("batch", trigger.Batch ? true : null)
            .Add("branches", Filters(trigger.Branches))
            .Add("paths", Filters(trigger.Paths))
            .Add("tags", Filters(trigger.Tags))
            .Build();
    }

    private static YamlNode PullRequest(PullRequestTrigger trigger)
    {
        if (!trigger.Enabled)
        {
            return Node.Text("none");
        }

        return new MappingBuilder()
            .Add("autoCancel", trigger.AutoCancel)
            .Add("drafts", trigger.Drafts)
            .Add("branches", Filters(trigger.Branches))
            .Add("paths", Filters(trigger.Paths))
            .Build();
    }

    private static YamlMapping? Filters(FilterSet filters) =>
        filters.IsEmpty ? null : new MappingBuilder().AddList("include", filters.Include).AddList("exclude", filters.Exclude).Build();

    private static YamlMapping Schedule(ScheduleTrigger s) => new MappingBuilder()
        .Add("cron", s.Cron)
        .Add("displayName", s.DisplayName)
        .Add("branches", Filters(s.Branches))
        .Add("always", s.Always)
        .Add("batch", s.Batch ? true : null)
        .Build();

    private static YamlMapping Parameter(ParameterDeclaration p) => new MappingBuilder()
        .Add("name", p.Name)
        .Add("displayName", p.DisplayName)
        .Add("type", p.Type)
        .Add("default", p.Default)
        .AddList("values", p.Values)
        .Build();

    private static YamlSequence? Variables(IReadOnlyList<VariableEntry> entries) =>
        entries.Count == 0 ? null : Node.List(entries.Select(Variable));

    private static YamlMapping Variable(VariableEntry entry) => entry switch
    {
        VariableGroupReference g => new MappingBuilder().Add("group", g.Group).Build(),
        VariableDefinition v => new MappingBuilder().Add("name", v.Name).Add("value", v.Value).Add("readonly", v.IsReadOnly ? true : null).Build(),
        _ => new MappingBuilder().Build(),
    };

    private static YamlNode? Pool(PoolSpec? pool)
    {
        if (pool is null)
        {
            return null;
        }

        if (pool.VmImage is null && pool.Demands.Count == 0 && pool.Name is not null)
        {
            return Node.Text(pool.Name);
        }

        return new MappingBuilder().Add("name", pool.Name).Add("vmImage", pool.VmImage).AddList("demands", pool.Demands).Build();
    }
}
