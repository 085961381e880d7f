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

        var plan = BuildPlan(map, stages, rootPool);
        WarnAboutShadowedQueueTimeVariables(plan);
        return plan;
    }

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
}
