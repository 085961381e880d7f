using System.Text.RegularExpressions;
using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

internal sealed partial class AzureDialect
{
    private static readonly (string Key, LifecycleHookKind Kind)[] HookKeys =
    [
        ("preDeploy", LifecycleHookKind.PreDeploy),
        ("deploy", LifecycleHookKind.Deploy),
        ("routeTraffic", LifecycleHookKind.RouteTraffic),
        ("postRouteTraffic", LifecycleHookKind.PostRouteTraffic),
    ];

    /// <summary>AZP-DEPL-1..4: a deployment job; its steps live in the strategy's lifecycle hooks.</summary>
    private JobPlan ReadDeploymentJob(YamlMapping map, (string Name, bool Generated) id)
    {
        if (map.Find("steps") is { } steps)
        {
            _read.Error(AzureDiagnosticCodes.StepsOnDeployment,
                $"Deployment job '{id.Name}' cannot have 'steps'; put them in a lifecycle hook, e.g. strategy: runOnce: deploy: steps:.", steps.Key);
        }

        _read.Keys(map, [.. AzureKeys.Deployment, "steps"], "a deployment job");
        var job = CommonJob(map, id, JobKind.Deployment);
        var environment = map["environment"] is { } env ? ReadEnvironment(env) : null;
        if (environment is null && map["environment"] is null)
        {
            _read.Warning(AzureDiagnosticCodes.MissingEnvironment,
                $"Deployment job '{id.Name}' names no 'environment', so no deployment history is recorded.", map);
        }

        if (map["strategy"] is not { } strategyNode)
        {
            _read.Error(AzureDiagnosticCodes.MissingStrategy, $"Deployment job '{id.Name}' needs a 'strategy' (runOnce, rolling or canary).", map);
            return job;
        }

        return ReadDeploymentStrategy(strategyNode) is { } strategy
            ? job with { Deployment = new DeploymentPlan(environment ?? new EnvironmentReference(string.Empty, null, null, null, null, map.Location), strategy) }
            : job;
    }

    /// <summary>AZP-DEPL-2: <c>name</c>, <c>name.resource</c>, or the mapping form.</summary>
    private EnvironmentReference? ReadEnvironment(YamlNode node)
    {
        if (node is YamlScalar scalar)
        {
            if (_read.Required(scalar, "'environment'") is not { } text)
            {
                return null;
            }

            var dot = text.IndexOf('.', StringComparison.Ordinal);
            return dot < 0
                ? new EnvironmentReference(text, null, null, null, null, node.Location)
                : new EnvironmentReference(text[..dot], text[(dot + 1)..], null, null, null, node.Location);
        }

        if (_read.Mapping(node, "'environment'") is not { } map)
        {
            return null;
        }

        _read.Keys(map, AzureKeys.Environment, "'environment'");
        return new EnvironmentReference(Need(map, "name", "'environment'"), Opt(map, "resourceName"), Opt(map, "resourceId"), Opt(map, "resourceType"), Opt(map, "tags"), node.Location);
    }

    private DeploymentStrategy? ReadDeploymentStrategy(YamlNode node)
    {
        if (_read.Mapping(node, "The deployment 'strategy'") is not { } map)
        {
            return null;
        }

        _read.Keys(map, AzureKeys.DeploymentStrategy, "the deployment 'strategy'");
        var kinds = map.Entries.Where(e => AzureKeys.DeploymentStrategy.Contains(e.Key.Value)).ToList();
        if (kinds.Count != 1)
        {
            _read.Error(AzureDiagnosticCodes.MissingStrategy, "A deployment 'strategy' has exactly one of 'runOnce', 'rolling' or 'canary'.", map);
            return null;
        }

        var (key, body) = (kinds[0].Key.Value, kinds[0].Value);
        if (_read.Mapping(body, $"'{key}'") is not { } strategy)
        {
            return null;
        }

        return key switch
        {
            "runOnce" => Strategy(DeploymentStrategyKind.RunOnce, strategy, AzureKeys.RunOnce, null, []),
            "rolling" => Strategy(DeploymentStrategyKind.Rolling, strategy, AzureKeys.Rolling, RollingMaxParallel(strategy["maxParallel"]), []),
            _ => Strategy(DeploymentStrategyKind.Canary, strategy, AzureKeys.Canary, null, Increments(strategy["increments"])),
        };
    }

    private DeploymentStrategy Strategy(DeploymentStrategyKind kind, YamlMapping map, string[] keys, string? maxParallel, IReadOnlyList<int> increments)
    {
        _read.Keys(map, keys, $"the '{char.ToLowerInvariant(kind.ToString()[0])}{kind.ToString()[1..]}' strategy");
        var hooks = new List<LifecycleHook>();
        foreach (var (key, hookKind) in HookKeys)
        {
            if (map[key] is { } hook && ReadHook(hook, hookKind, key) is { } read)
            {
                hooks.Add(read);
            }
        }

        if (map["on"] is { } on && _read.Mapping(on, "'on'") is { } onMap)
        {
            _read.Keys(onMap, AzureKeys.OnHook, "'on'");
            foreach (var (key, hookKind) in new[] { ("failure", LifecycleHookKind.OnFailure), ("success", LifecycleHookKind.OnSuccess) })
            {
                if (onMap[key] is { } hook && ReadHook(hook, hookKind, "on." + key) is { } read)
                {
                    hooks.Add(read);
                }
            }
        }

        return new DeploymentStrategy(kind, maxParallel, increments, hooks, map.Location);
    }

    private LifecycleHook? ReadHook(YamlNode node, LifecycleHookKind kind, string what)
    {
        if (_read.Mapping(node, $"The '{what}' hook") is not { } map)
        {
            return null;
        }

        _read.Keys(map, AzureKeys.Hook, $"the '{what}' hook");
        var steps = map["steps"] is { } s ? ReadSteps(s, JobKind.Deployment) : [];
        return new LifecycleHook(kind, ReadOptionalPool(map["pool"]), steps, map.Location);
    }

    private string? RollingMaxParallel(YamlNode? node)
    {
        if (node is null || _read.String(node, "'maxParallel'") is not { } text)
        {
            return null;
        }

        if (RollingParallelPattern().IsMatch(text))
        {
            return text;
        }

        _read.Error(AzureDiagnosticCodes.InvalidValue, $"'maxParallel' of a rolling strategy must be a number or a percentage such as 25%, not '{text}'.", node);
        return null;
    }

    private List<int> Increments(YamlNode? node)
    {
        var result = new List<int>();
        foreach (var item in node is null ? [] : _read.Sequence(node, "'increments'")?.Items ?? [])
        {
            if (_read.Int(item, "A canary increment", 1, 100) is { } value)
            {
                result.Add(value);
            }
        }

        return result;
    }

    [GeneratedRegex(@"^\d+%?$", RegexOptions.CultureInvariant)]
    private static partial Regex RollingParallelPattern();
}
