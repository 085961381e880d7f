using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

internal sealed partial class AzureDialect
{
    private List<StagePlan> ReadStages(YamlNode node)
    {
        var stages = new List<StagePlan>();
        var names = new NameGenerator("Stage");
        var items = _read.Sequence(node, "'stages'")?.Items ?? [];
        foreach (var item in items)
        {
            if (item is YamlMapping m && m.Find("stage") is { Value: YamlScalar s } && !s.IsNull)
            {
                names.Reserve(s.Value);
            }
        }

        foreach (var item in items)
        {
            if (_read.Mapping(item, "A stage") is { } map && !IsTemplateReference(map, "stage") && ReadStage(map, names, stages.LastOrDefault()) is { } stage)
            {
                stages.Add(stage);
                _dependsOn.Record(stage.Name, null, map["dependsOn"]);
            }
        }

        if (items.Count == 0 && node is YamlSequence)
        {
            _read.Error(AzureDiagnosticCodes.EmptyList, "'stages' is empty: a pipeline needs at least one stage.", node);
        }

        return stages;
    }

    private StagePlan? ReadStage(YamlMapping map, NameGenerator names, StagePlan? previous)
    {
        if (map.Find("stage") is not { } idEntry)
        {
            _read.Error(AzureDiagnosticCodes.MissingKey, "A stage must start with 'stage: NAME' (or be a 'template:' reference).", map);
            return null;
        }

        _read.Keys(map, AzureKeys.Stage, "a stage");
        var (name, generated) = ReadId(idEntry, names, "stage");
        var dependsOn = map["dependsOn"] is { } deps ? _read.StringOrList(deps, "'dependsOn'") : null;
        return new StagePlan
        {
            Name = name,
            IsNameGenerated = generated,
            DisplayName = Opt(map, "displayName") ?? name,
            DependsOn = dependsOn ?? (previous is null ? [] : [previous.Name]),
            DependsOnIsExplicit = dependsOn is not null,
            Condition = Condition(map),
            Variables = map["variables"] is { } vars ? ReadVariables(vars, $"stage '{name}'") : [],
            Pool = ReadOptionalPool(map["pool"]),
            LockBehavior = map["lockBehavior"] is { } lockNode ? ReadLockBehavior(lockNode) : null,
            IsManual = map["trigger"] is { } trigger && ReadStageTrigger(trigger),
            IsSkippable = map["isSkippable"] is not { } skip || (_read.Bool(skip, "'isSkippable'") ?? true),
            TemplateContext = map["templateContext"],
            Jobs = map["jobs"] is { } jobs ? ReadJobs(jobs, name) : MissingJobs(map, name),
            Location = map.Location,
        };
    }

    private List<JobPlan> MissingJobs(YamlMapping map, string stage)
    {
        _read.Error(AzureDiagnosticCodes.MissingKey, $"Stage '{stage}' needs 'jobs'.", map);
        return [];
    }

    private bool ReadStageTrigger(YamlNode node)
    {
        var value = _read.String(node, "The stage 'trigger'");
        if (value is "manual" or "automatic" or null)
        {
            return value == "manual";
        }

        _read.Error(AzureDiagnosticCodes.InvalidValue, $"The stage 'trigger' must be 'manual' or 'automatic', not '{value}'.", node);
        return false;
    }

    /// <summary>The id of a stage or job; a null id gets a generated name (AZP-DOC-11).</summary>
    private (string Name, bool Generated) ReadId(YamlEntry entry, NameGenerator names, string what)
    {
        if (entry.Value is YamlScalar { IsNull: true })
        {
            return (names.Next(), true);
        }

        return _read.String(entry.Value, $"The {what} id") is { Length: > 0 } id ? (id, false) : (names.Next(), true);
    }

    private ExpressionText? Condition(YamlMapping map) =>
        map["condition"] is { } node && _read.String(node, "'condition'") is { Length: > 0 } text ? new ExpressionText(text, node.Location) : null;

    private List<JobPlan> ReadJobs(YamlNode node, string stage)
    {
        var jobs = new List<JobPlan>();
        var names = new NameGenerator("Job");
        var items = _read.Sequence(node, "'jobs'")?.Items ?? [];
        foreach (var item in items)
        {
            if (item is YamlMapping m && (m.Find("job") ?? m.Find("deployment")) is { Value: YamlScalar s } && !s.IsNull)
            {
                names.Reserve(s.Value);
            }
        }

        foreach (var item in items)
        {
            if (_read.Mapping(item, "A job") is { } map && !IsTemplateReference(map, "job") && ReadJobItem(map, names) is { } job)
            {
                jobs.Add(job);
                _dependsOn.Record(stage, job.Name, map["dependsOn"]);
            }
        }

        if (items.Count == 0 && node is YamlSequence)
        {
            _read.Error(AzureDiagnosticCodes.EmptyList, $"'jobs' of stage '{stage}' is empty: a stage needs at least one job.", node);
        }

        return jobs;
    }

    private JobPlan? ReadJobItem(YamlMapping map, NameGenerator names)
    {
        if (map.Find("job") is { } job)
        {
            return ReadJob(map, ReadId(job, names, "job"));
        }

        if (map.Find("deployment") is { } deployment)
        {
            return ReadDeploymentJob(map, ReadId(deployment, names, "deployment"));
        }

        _read.Error(AzureDiagnosticCodes.MissingKey, "A job must start with 'job: NAME', 'deployment: NAME' or 'template: FILE'.", map);
        return null;
    }
}

/// <summary>Generated ids for unnamed stages and jobs: Job, Job1, Job2, ... skipping ids already taken.</summary>
internal sealed class NameGenerator(string prefix)
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);
    private int _next;

    public void Reserve(string name) => _taken.Add(name);

    public string Next()
    {
        while (true)
        {
            var candidate = _next == 0 ? prefix : prefix + _next;
            _next++;
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
