using System.Text.RegularExpressions;
using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

internal sealed partial class AzureDialect
{
    private JobPlan ReadJob(YamlMapping map, (string Name, bool Generated) id)
    {
        _read.Keys(map, AzureKeys.Job, "a job");
        var job = CommonJob(map, id, JobKind.Job) with { Strategy = map["strategy"] is { } s ? ReadStrategy(s) : null };
        if (map["steps"] is not { } steps)
        {
            _read.Error(AzureDiagnosticCodes.MissingKey, $"Job '{id.Name}' needs 'steps'.", map);
            return job;
        }

        return job with { Steps = WithImplicitCheckout(ReadSteps(steps, JobKind.Job), job.Pool, steps) };
    }

    /// <summary>AZP-DOC-1..3: top-level <c>steps:</c> is the single job <c>Job</c> of the stage <c>__default</c>.</summary>
    private JobPlan ReadShorthandJob(YamlMapping map)
    {
        var pool = ReadOptionalPool(map["pool"]);
        var steps = ReadSteps(map["steps"]!, JobKind.Job);
        return new JobPlan
        {
            Name = ImplicitJobName,
            Kind = JobKind.Job,
            DisplayName = ImplicitJobName,
            IsImplicit = true,
            ContinueOnError = map["continueOnError"] is { } c ? ReadJobContinueOnError(c) : null,
            Pool = pool,
            Container = map["container"] is { } container ? ReadJobContainer(container) : null,
            Services = map["services"] is { } services ? ReadServices(services) : [],
            WorkspaceClean = map["workspace"] is { } ws ? ReadWorkspace(ws) : null,
            Strategy = map["strategy"] is { } strategy ? ReadStrategy(strategy) : null,
            Steps = WithImplicitCheckout(steps, pool, map["steps"]!),
            Location = map.Location,
        };
    }

    /// <summary>The properties regular and deployment jobs share (AZP-JOB-2, AZP-DEPL-1).</summary>
    private JobPlan CommonJob(YamlMapping map, (string Name, bool Generated) id, JobKind kind) => new()
    {
        Name = id.Name,
        Kind = kind,
        IsNameGenerated = id.Generated,
        DisplayName = Opt(map, "displayName") ?? id.Name,
        DependsOn = map["dependsOn"] is { } deps ? _read.StringOrList(deps, "'dependsOn'") : [],
        Condition = Condition(map),
        ContinueOnError = map["continueOnError"] is { } c ? ReadJobContinueOnError(c) : null,
        TimeoutInMinutes = map["timeoutInMinutes"] is { } t ? _read.Int(t, "'timeoutInMinutes'") : null,
        CancelTimeoutInMinutes = map["cancelTimeoutInMinutes"] is { } ct ? _read.Int(ct, "'cancelTimeoutInMinutes'", 1, 35790) : null,
        Variables = map["variables"] is { } vars ? ReadVariables(vars, $"job '{id.Name}'") : [],
        Pool = ReadOptionalPool(map["pool"]),
        Container = map["container"] is { } container ? ReadJobContainer(container) : null,
        Services = map["services"] is { } services ? ReadServices(services) : [],
        WorkspaceClean = map["workspace"] is { } ws ? ReadWorkspace(ws) : null,
        UsesRepositories = UsesList(map, "repositories"),
        UsesPools = UsesList(map, "pools"),
        TemplateContext = map["templateContext"],
        Location = map.Location,
    };

    private List<string> UsesList(YamlMapping map, string key)
    {
        if (map["uses"] is not { } node || _read.Mapping(node, "'uses'") is not { } uses)
        {
            return [];
        }

        _read.Keys(uses, AzureKeys.Uses, "'uses'");
        return uses[key] is { } list ? [.. _read.StringList(list, $"'uses.{key}'")] : [];
    }

    /// <summary>Job <c>continueOnError</c>: a boolean or a runtime expression (schema: jobContinueOnError).</summary>
    private string? ReadJobContinueOnError(YamlNode node)
    {
        var text = _read.String(node, "'continueOnError'");
        if (text is null || text.TrimStart().StartsWith("$[", StringComparison.Ordinal) || text.Contains("$(", StringComparison.Ordinal))
        {
            return text;
        }

        return _read.Bool(node, "'continueOnError'") is { } value ? (value ? "true" : "false") : null;
    }

    private PoolSpec? ReadOptionalPool(YamlNode? node)
    {
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return null;
            case YamlScalar scalar:
                return new PoolSpec(scalar.Value, null, [], node.Location);
            case YamlMapping map:
                // The schema allows additional keys on a pool, so only the known ones are read.
                var demands = map["demands"] is { } d ? ReadDemands(d) : [];
                return new PoolSpec(Opt(map, "name"), Opt(map, "vmImage"), demands, node.Location);
            default:
                _read.Error(AzureDiagnosticCodes.WrongType, "'pool' must be a pool name or a mapping with name, vmImage and demands.", node);
                return null;
        }
    }

    /// <summary>AZP-JOB-4: a demand is a capability name, or <c>Name -equals value</c>.</summary>
    private IReadOnlyList<string> ReadDemands(YamlNode node)
    {
        var demands = _read.StringOrList(node, "'demands'");
        foreach (var demand in demands)
        {
            if (!DemandPattern().IsMatch(demand))
            {
                _read.Warning(AzureDiagnosticCodes.InvalidDemand,
                    $"The demand '{demand}' is neither a capability name nor 'Name -equals value'; it will not match any agent.", node);
            }
        }

        return demands;
    }

    [GeneratedRegex(@"^\s*[^\s]+(\s+-equals\s+\S.*)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DemandPattern();

    private string? ReadWorkspace(YamlNode node)
    {
        if (_read.Mapping(node, "'workspace'") is not { } map)
        {
            return null;
        }

        _read.Keys(map, AzureKeys.Workspace, "'workspace'");
        var clean = Opt(map, "clean");
        if (clean is null or "outputs" or "resources" or "all")
        {
            return clean;
        }

        _read.Error(AzureDiagnosticCodes.InvalidValue, $"'workspace.clean' must be 'outputs', 'resources' or 'all', not '{clean}'.", map["clean"]!);
        return null;
    }
}
