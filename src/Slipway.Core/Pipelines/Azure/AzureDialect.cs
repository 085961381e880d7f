using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

/// <summary>
/// Reads a fully expanded Azure Pipelines YAML tree (no <c>${{ }}</c>, no template references) into a
/// <see cref="Plan"/>: applies the shorthands (AZP-DOC-1..3), the defaults (dependsOn, names, implicit
/// checkout) and reports every structural problem at its position. Never throws for bad input.
/// </summary>
internal sealed partial class AzureDialect
{
    public const string ImplicitStageName = "__default";
    public const string ImplicitJobName = "Job";

    private static readonly string[] WorkKeys = ["stages", "jobs", "steps", "extends", "phases"];

    private readonly NodeReader _read;
    private readonly AzureDialectOptions _options;
    private readonly string _file;
    private readonly DependsOnPositions _dependsOn = new();
    private ResourceSet _resources = ResourceSet.Empty;

    private AzureDialect(string file, AzureDialectOptions options, DiagnosticBag diagnostics)
    {
        _file = file;
        _options = options;
        _read = new NodeReader(diagnostics);
    }

    /// <summary>Reads and validates; returns null only when the document has no usable shape at all.</summary>
    public static Plan? Read(YamlNode? root, string file, AzureDialectOptions options, DiagnosticBag diagnostics)
    {
        var dialect = new AzureDialect(file, options, diagnostics);
        var plan = dialect.ReadRoot(root);
        if (plan is not null)
        {
            AzurePlanValidator.Validate(plan, diagnostics, options.ValidateTasks ? TaskCatalog.BuiltIn.WithLocalTasks(options.IsLocalTask) : null, dialect._dependsOn);
        }

        return plan;
    }

    private Plan? ReadRoot(YamlNode? root)
    {
        if (root is null)
        {
            _read.Diagnostics.Error(AzureDiagnosticCodes.NoWork, "The pipeline is empty: it needs 'stages', 'jobs' or 'steps'.", new SourceLocation(_file, 1, 1));
            return null;
        }

        if (root is not YamlMapping map)
        {
            _read.Error(AzureDiagnosticCodes.RootNotMapping, $"A pipeline must be a mapping with 'stages', 'jobs' or 'steps', not {NodeReader.Describe(root)}.", root);
            return null;
        }

        var workKey = FindWorkKey(map);
        if (workKey is null)
        {
            return null;
        }

        _read.Keys(map, AllowedRootKeys(workKey), "the pipeline");
        _resources = map["resources"] is { } res ? ReadResources(res) : ResourceSet.Empty;
        var rootPool = workKey == "steps" ? null : ReadOptionalPool(map["pool"]);
        var stages = workKey switch
        {
            "stages" => ReadStages(map["stages"]!),
            "jobs" => [ImplicitStage(ReadJobs(map["jobs"]!, ImplicitStageName), map)],
            _ => [ImplicitStage([ReadShorthandJob(map)], map)],
        };

        return BuildPlan(map, stages, rootPool);
    }

    private Plan BuildPlan(YamlMapping map, IReadOnlyList<StagePlan> stages, PoolSpec? pool) => new()
    {
        Syntax = PipelineSyntax.AzurePipelines,
        File = _file,
        RunNameFormat = map["name"] is { } name ? _read.String(name, "'name'") : null,
        AppendCommitMessageToRunName = map["appendCommitMessageToRunName"] is { } append ? _read.Bool(append, "'appendCommitMessageToRunName'") ?? true : true,
        Triggers = ReadTriggers(map),
        Resources = _resources,
        Parameters = map["parameters"] is { } parameters ? ReadParameters(parameters) : [],
        Variables = map["variables"] is { } vars ? ReadVariables(vars, "pipeline") : [],
        QueueTimeVariables = _options.QueueTimeVariables,
        Pool = pool,
        LockBehavior = map["lockBehavior"] is { } lockNode ? ReadLockBehavior(lockNode) : null,
        Stages = stages,
        Location = map.Location,
    };

    private string? FindWorkKey(YamlMapping map)
    {
        var present = map.Entries.Where(e => WorkKeys.Contains(e.Key.Value)).ToList();
        if (present.Count == 0)
        {
            _read.Error(AzureDiagnosticCodes.NoWork, "The pipeline defines no work: add 'stages', 'jobs' or 'steps'.", map);
            return null;
        }

        if (present.Count > 1)
        {
            _read.Error(AzureDiagnosticCodes.ConflictingKeys,
                $"'{present[1].Key.Value}' cannot be used together with '{present[0].Key.Value}': a pipeline has exactly one of 'stages', 'jobs', 'steps' or 'extends'.", present[1].Key);
            return null;
        }

        var key = present[0].Key;
        if (key.Value == "extends")
        {
            _read.Error(AzureDiagnosticCodes.TemplateNotExpanded, "'extends' names a template; it must be expanded by the template step before the pipeline can be read.", key);
            return null;
        }

        if (key.Value == "phases")
        {
            _read.Error(AzureDiagnosticCodes.InvalidValue, "The old 'phases' syntax is not supported; use 'jobs'.", key);
            return null;
        }

        return key.Value;
    }

    private static string[] AllowedRootKeys(string work) => work switch
    {
        "steps" => [.. AzureKeys.PipelineBase, .. AzureKeys.StepsShorthandJob],
        _ => [.. AzureKeys.PipelineBase, "pool", work],
    };

    private static StagePlan ImplicitStage(IReadOnlyList<JobPlan> jobs, YamlMapping map) => new()
    {
        Name = ImplicitStageName,
        DisplayName = ImplicitStageName,
        IsImplicit = true,
        Jobs = jobs,
        Location = map.Location,
    };

    private bool IsTemplateReference(YamlMapping item, string what)
    {
        if (item.Find("template") is not { } entry)
        {
            return false;
        }

        var name = entry.Value is YamlScalar s ? s.Value : "?";
        _read.Error(AzureDiagnosticCodes.TemplateNotExpanded,
            $"The {what} template reference '{name}' was not expanded; templates are resolved by the template step before the pipeline is read.", entry.Key);
        return true;
    }

    private string? ReadLockBehavior(YamlNode node)
    {
        var value = _read.String(node, "'lockBehavior'");
        if (value is null or "sequential" or "runLatest")
        {
            return value;
        }

        _read.Error(AzureDiagnosticCodes.InvalidValue, $"'lockBehavior' must be 'sequential' or 'runLatest', not '{value}'.", node);
        return null;
    }
}
