using Slipway.Core.Planning;
using Slipway.Core.Planning.Rendering;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

internal static partial class AzurePlanPrinter
{
    private static YamlMapping Stage(StagePlan s) => new MappingBuilder()
        .Add("stage", s.Name)
        .Add("displayName", s.DisplayName ?? s.Name)
        .AddList("dependsOn", s.DependsOn, keepEmpty: true)
        .Add("condition", s.Condition?.Text)
        .Add("variables", Variables(s.Variables))
        .Add("pool", Pool(s.Pool))
        .Add("lockBehavior", s.LockBehavior)
        .Add("trigger", s.IsManual ? "manual" : null)
        .Add("isSkippable", s.IsSkippable ? null : false)
        .Add("templateContext", s.TemplateContext)
        .Add("jobs", Node.List(s.Jobs.Select(Job)))
        .Build();

    private static YamlMapping Job(JobPlan j)
    {
        var map = new MappingBuilder()
            .Add(j.Kind == JobKind.Deployment ? "deployment" : "job", j.Name)
            .Add("displayName", j.DisplayName ?? j.Name)
            .AddList("dependsOn", j.DependsOn, keepEmpty: true)
            .Add("condition", j.Condition?.Text)
            .Add("continueOnError", j.ContinueOnError)
            .Add("timeoutInMinutes", j.TimeoutInMinutes)
            .Add("cancelTimeoutInMinutes", j.CancelTimeoutInMinutes)
            .Add("variables", Variables(j.Variables))
            .Add("pool", Pool(j.Pool))
            .Add("container", j.Container is null ? null : ContainerRef(j.Container))
            .Add("services", j.Services.Count == 0 ? null : new YamlMapping(
                [.. j.Services.Select(s => new YamlEntry(Node.Text(s.Alias), ContainerRef(s.Container)))], Diagnostics.SourceLocation.None))
            .Add("workspace", j.WorkspaceClean is null ? null : new MappingBuilder().Add("clean", j.WorkspaceClean).Build())
            .Add("uses", j.UsesRepositories.Count + j.UsesPools.Count == 0 ? null
                : new MappingBuilder().AddList("repositories", j.UsesRepositories).AddList("pools", j.UsesPools).Build())
            .Add("templateContext", j.TemplateContext);
        return j.Deployment is { } d
            ? map.Add("environment", Environment(d.Environment)).Add("strategy", DeploymentStrategy(d.Strategy)).Build()
            : map.Add("strategy", j.Strategy is null ? null : Strategy(j.Strategy)).Add("steps", Steps(j.Steps)).Build();
    }

    private static YamlNode ContainerRef(ContainerReference c) =>
        c.Alias is not null ? Node.Text(c.Alias) : c.Spec is null ? Node.Text(string.Empty) : Container(c.Spec, new MappingBuilder());

    private static YamlMapping Strategy(JobStrategy s) => new MappingBuilder()
        .Add("matrix", s.MatrixExpression is { } e ? Node.Text($"$[ {e.Text} ]")
            : s.Matrix.Count == 0 ? null
            : new YamlMapping([.. s.Matrix.Select(l => new YamlEntry(Node.Text(l.Name), Node.Map(l.Variables)))], Diagnostics.SourceLocation.None))
        .Add("parallel", s.Parallel)
        .Add("maxParallel", s.MaxParallel)
        .Build();

    private static YamlMapping Environment(EnvironmentReference e) => new MappingBuilder()
        .Add("name", e.Name)
        .Add("resourceName", e.ResourceName)
        .Add("resourceId", e.ResourceId)
        .Add("resourceType", e.ResourceType)
        .Add("tags", e.Tags)
        .Build();

    private static YamlMapping DeploymentStrategy(DeploymentStrategy s)
    {
        var body = new MappingBuilder()
            .Add("maxParallel", s.MaxParallel)
            .AddList("increments", s.Increments.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var hook in s.Hooks.Where(h => h.Kind is not (LifecycleHookKind.OnFailure or LifecycleHookKind.OnSuccess)))
        {
            body.Add(HookKey(hook.Kind), Hook(hook));
        }

        var on = new MappingBuilder();
        foreach (var hook in s.Hooks.Where(h => h.Kind is LifecycleHookKind.OnFailure or LifecycleHookKind.OnSuccess))
        {
            on.Add(hook.Kind == LifecycleHookKind.OnFailure ? "failure" : "success", Hook(hook));
        }

        var onNode = on.Build();
        body.Add("on", onNode.Entries.Count == 0 ? null : onNode);
        var name = s.Kind switch
        {
            DeploymentStrategyKind.RunOnce => "runOnce",
            DeploymentStrategyKind.Rolling => "rolling",
            _ => "canary",
        };
        return new MappingBuilder().Add(name, body.Build()).Build();
    }

    private static string HookKey(LifecycleHookKind kind) => kind switch
    {
        LifecycleHookKind.PreDeploy => "preDeploy",
        LifecycleHookKind.Deploy => "deploy",
        LifecycleHookKind.RouteTraffic => "routeTraffic",
        _ => "postRouteTraffic",
    };

    private static YamlMapping Hook(LifecycleHook h) => new MappingBuilder().Add("pool", Pool(h.Pool)).Add("steps", Steps(h.Steps)).Build();

    private static YamlSequence Steps(IReadOnlyList<StepPlan> steps) => Node.List(steps.Select(Step));

    private static YamlMapping Step(StepPlan s)
    {
        var map = new MappingBuilder();
        if (s.Keyword == "checkout")
        {
            map.Add("checkout", s.Input("repository"));
            foreach (var input in s.Inputs.Where(i => i.Name != "repository"))
            {
                map.Add(input.Name, input.Value);
            }
        }
        else
        {
            map.Add("task", s.Task.ToString());
        }

        map.Add("name", s.Name).Add("displayName", s.DisplayName);
        if (s.Keyword != "checkout")
        {
            map.AddMap("inputs", s.Inputs);
        }

        return map
            .AddMap("env", s.Env)
            .Add("condition", s.Condition?.Text)
            .Add("continueOnError", s.ContinueOnError ? true : null)
            .Add("enabled", s.Enabled ? null : false)
            .Add("timeoutInMinutes", s.TimeoutInMinutes)
            .Add("retryCountOnTaskFailure", s.RetryCountOnTaskFailure)
            .Add("target", Target(s.Target))
            .Build();
    }

    private static YamlNode? Target(StepTarget? t)
    {
        if (t is null)
        {
            return null;
        }

        if (t.Commands is null && t.SettableVariables is null)
        {
            return t.Container is null ? null : Node.Text(t.Container);
        }

        return new MappingBuilder()
            .Add("container", t.Container)
            .Add("commands", t.Commands)
            .Add("settableVariables", t.SettableVariables is null ? null : t.NoSettableVariables ? Node.Text("none") : Node.List(t.SettableVariables.Select(Node.Text)))
            .Build();
    }
}
