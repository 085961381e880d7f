using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

internal sealed partial class AzureDialect
{
    private List<StepPlan> ReadSteps(YamlNode node, JobKind kind)
    {
        var steps = new List<StepPlan>();
        foreach (var item in _read.Sequence(node, "'steps'")?.Items ?? [])
        {
            if (_read.Mapping(item, "A step") is { } map && !IsTemplateReference(map, "step") && ReadStep(map, kind) is { } step)
            {
                steps.Add(step);
            }
        }

        return StepNames.Assign(steps);
    }

    private StepPlan? ReadStep(YamlMapping map, JobKind jobKind)
    {
        var kinds = map.Entries.Where(e => AzureKeys.StepKinds.ContainsKey(e.Key.Value)).ToList();
        if (kinds.Count == 0)
        {
            var first = map.Entries.Count > 0 ? map.Entries[0].Key : null;
            var hint = first is not null && Suggest.Closest(first.Value, AzureKeys.StepKinds.Keys) is { } near ? $" Did you mean '{near}'?" : string.Empty;
            _read.Diagnostics.Error(AzureDiagnosticCodes.UnknownStepKind,
                $"A step must be one of: {string.Join(", ", AzureKeys.StepKinds.Keys)} (or a template reference).{hint}", (first ?? (YamlNode)map).Location);
            return null;
        }

        if (kinds.Count > 1)
        {
            _read.Error(AzureDiagnosticCodes.ConflictingKeys, $"A step has one kind: '{kinds[1].Key.Value}' cannot be used together with '{kinds[0].Key.Value}'.", kinds[1].Key);
            return null;
        }

        var keyword = kinds[0].Key.Value;
        _read.Keys(map, AzureKeys.StepKinds[keyword], $"a '{keyword}' step");
        if (keyword == "reviewApp" && jobKind != JobKind.Deployment)
        {
            _read.Error(AzureDiagnosticCodes.ReviewAppOutsideDeployment, "'reviewApp' steps are only allowed in deployment jobs.", kinds[0].Key);
        }

        return StepShorthands.Normalise(keyword, map, _read) is { } action ? CommonStep(map, keyword, action) : null;
    }

    /// <summary>AZP-STEP-1: the properties every step kind shares.</summary>
    private StepPlan CommonStep(YamlMapping map, string keyword, (TaskReference Task, List<NamedValue> Inputs) action) => new()
    {
        Name = Opt(map, "name") ?? string.Empty,
        Task = action.Task,
        Keyword = keyword,
        DisplayName = Opt(map, "displayName"),
        Inputs = action.Inputs,
        Env = map["env"] is { } env ? _read.StringMap(env, "'env'") : [],
        Condition = Condition(map),
        ContinueOnError = map["continueOnError"] is { } c && (_read.Bool(c, "'continueOnError'") ?? false),
        Enabled = map["enabled"] is not { } e || (_read.Bool(e, "'enabled'") ?? true),
        TimeoutInMinutes = map["timeoutInMinutes"] is { } t ? _read.Int(t, "'timeoutInMinutes'") : null,
        RetryCountOnTaskFailure = map["retryCountOnTaskFailure"] is { } r ? ReadRetryCount(r) : null,
        Target = map["target"] is { } target ? ReadTarget(target) : null,
        Location = map.Location,
    };

    /// <summary>AZP-STEP-5 / AZP-QRK-12: more than 10 retries is clamped to 10, with a warning.</summary>
    private int? ReadRetryCount(YamlNode node)
    {
        var value = _read.Int(node, "'retryCountOnTaskFailure'");
        if (value > StepShorthands.RetryLimit)
        {
            _read.Warning(AzureDiagnosticCodes.RetryCountClamped,
                $"'retryCountOnTaskFailure' is {value}; the limit is {StepShorthands.RetryLimit}, so the step is retried at most {StepShorthands.RetryLimit} times.", node);
            return StepShorthands.RetryLimit;
        }

        return value;
    }

    /// <summary>AZP-STEP-13: <c>host</c>, a container alias, or <c>{container, commands, settableVariables}</c>.</summary>
    private StepTarget? ReadTarget(YamlNode node)
    {
        if (node is YamlScalar scalar)
        {
            return _read.Required(scalar, "'target'") is { } name ? new StepTarget(name, null, null, node.Location) : null;
        }

        if (_read.Mapping(node, "'target'") is not { } map)
        {
            return null;
        }

        _read.Keys(map, AzureKeys.StepTarget, "'target'");
        var commands = Opt(map, "commands");
        if (commands is not (null or "any" or "restricted"))
        {
            _read.Error(AzureDiagnosticCodes.InvalidValue, $"'commands' must be 'any' or 'restricted', not '{commands}'.", map["commands"]!);
        }

        IReadOnlyList<string>? settable = map["settableVariables"] switch
        {
            null => null,
            YamlScalar { Value: "none" } => [],
            var list => _read.StringList(list, "'settableVariables' (or 'none')"),
        };
        return new StepTarget(Opt(map, "container"), commands, settable, node.Location);
    }

    /// <summary>AZP-STEP-11: a regular job without a checkout step checks out <c>self</c> first (agentless jobs cannot).</summary>
    private static List<StepPlan> WithImplicitCheckout(List<StepPlan> steps, PoolSpec? pool, YamlNode at)
    {
        if (pool?.IsServer == true || steps.Any(s => s.Keyword == "checkout"))
        {
            return steps;
        }

        var checkout = new StepPlan
        {
            Name = string.Empty,
            Task = StepShorthands.Checkout,
            Keyword = "checkout",
            Inputs = [new NamedValue("repository", "self", at.Location)],
            IsImplicit = true,
            Location = at.Location,
        };
        return StepNames.Assign([checkout, .. steps]);
    }
}
