using System.Text.RegularExpressions;
using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

/// <summary>Pipeline-level values: run number format, lock behaviour, queue-time variables.</summary>
internal sealed partial class AzureDialect
{
    /// <summary>AZP-VAR-12: a variable defined in the YAML keeps its YAML value; a queue-time value for it is ignored.</summary>
    private void WarnAboutShadowedQueueTimeVariables(Plan plan)
    {
        var yaml = plan.Variables
            .Concat(plan.Stages.SelectMany(s => s.Variables.Concat(s.Jobs.SelectMany(j => j.Variables))))
            .OfType<VariableDefinition>()
            .ToLookup(v => v.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var queued in plan.QueueTimeVariables)
        {
            if (yaml[queued.Name].FirstOrDefault() is { } defined)
            {
                _read.Diagnostics.Warning(AzureDiagnosticCodes.QueueTimeVariableIgnored,
                    $"The queue-time value of '{queued.Name}' is ignored: the YAML defines '{defined.Name}' here and YAML values win (use a runtime parameter instead).", defined.Location);
            }
        }
    }

    private Plan BuildPlan(YamlMapping map, IReadOnlyList<StagePlan> stages, PoolSpec? pool) => new()
    {
        Syntax = PipelineSyntax.AzurePipelines,
        File = _file,
        RunNameFormat = map["name"] is { } name ? ReadRunName(name) : null,
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

    /// <summary>AZP-DOC-4: outside <c>$( )</c> tokens the run number may not contain " / : &lt; &gt; ' \ | ? @ * nor end with '.'.</summary>
    private string? ReadRunName(YamlNode node)
    {
        var text = _read.String(node, "'name'");
        if (text is null)
        {
            return null;
        }

        var literal = MacroPattern().Replace(text, "x");
        var bad = literal.FirstOrDefault(c => "\"/:<>'\\|?@*".Contains(c, StringComparison.Ordinal));
        if (bad != default || literal.EndsWith('.'))
        {
            var what = bad != default ? $"the character '{bad}'" : "a '.' at the end";
            _read.Error(AzureDiagnosticCodes.InvalidRunName, $"The run number format '{text}' contains {what}, which a run number may not have.", node);
        }

        return text;
    }

    [GeneratedRegex(@"\$\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex MacroPattern();

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
