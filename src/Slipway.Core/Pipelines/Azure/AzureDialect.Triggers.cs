using System.Text.RegularExpressions;
using Cronos;
using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

internal sealed partial class AzureDialect
{
    private TriggerSet ReadTriggers(YamlMapping map) => new(
        map["trigger"] is { } trigger ? ReadPushTrigger(trigger, allowBatch: true, "'trigger'") : PushTrigger.Implicit,
        map["pr"] is { } pr ? ReadPrTrigger(pr) : PullRequestTrigger.Implicit,
        map["schedules"] is { } schedules ? ReadSchedules(schedules) : []);

    /// <summary>AZP-TRIG-1: <c>none</c>, a list of branches, or the full mapping.</summary>
    private PushTrigger ReadPushTrigger(YamlNode node, bool allowBatch, string what)
    {
        switch (node)
        {
            case YamlScalar { Value: "none" }:
                return PushTrigger.Disabled with { Location = node.Location };
            case YamlSequence:
                return new PushTrigger { Branches = new FilterSet(BranchList(node, what), []), Location = node.Location };
            case YamlMapping map:
                _read.Keys(map, allowBatch ? AzureKeys.Trigger : AzureKeys.Trigger[1..], what);
                return new PushTrigger
                {
                    Batch = map["batch"] is { } batch && (_read.Bool(batch, $"'batch' in {what}") ?? false),
                    Branches = Filters(map["branches"], $"'branches' in {what}"),
                    Paths = Filters(map["paths"], $"'paths' in {what}"),
                    Tags = Filters(map["tags"], $"'tags' in {what}"),
                    Location = node.Location,
                };
            default:
                _read.Error(AzureDiagnosticCodes.InvalidValue, $"{what} must be 'none', a list of branches, or a mapping with branches, paths and tags.", node);
                return PushTrigger.Implicit;
        }
    }

    /// <summary>AZP-TRIG-20.</summary>
    private PullRequestTrigger ReadPrTrigger(YamlNode node)
    {
        switch (node)
        {
            case YamlScalar { Value: "none" }:
                return PullRequestTrigger.Disabled with { Location = node.Location };
            case YamlSequence:
                return new PullRequestTrigger { Branches = new FilterSet(BranchList(node, "'pr'"), []), Location = node.Location };
            case YamlMapping map:
                _read.Keys(map, AzureKeys.Pr, "'pr'");
                return new PullRequestTrigger
                {
                    AutoCancel = map["autoCancel"] is not { } cancel || (_read.Bool(cancel, "'autoCancel'") ?? true),
                    Drafts = map["drafts"] is not { } drafts || (_read.Bool(drafts, "'drafts'") ?? true),
                    Branches = Filters(map["branches"], "'branches' in 'pr'"),
                    Paths = Filters(map["paths"], "'paths' in 'pr'"),
                    Location = node.Location,
                };
            default:
                _read.Error(AzureDiagnosticCodes.InvalidValue, "'pr' must be 'none', a list of branches, or a mapping with branches and paths.", node);
                return PullRequestTrigger.Implicit;
        }
    }

    /// <summary>AZP-TRIG-30/31: each entry needs a valid five-field cron expression (UTC).</summary>
    private List<ScheduleTrigger> ReadSchedules(YamlNode node)
    {
        var schedules = new List<ScheduleTrigger>();
        foreach (var item in _read.Sequence(node, "'schedules'")?.Items ?? [])
        {
            if (_read.Mapping(item, "A schedule") is not { } map)
            {
                continue;
            }

            _read.Keys(map, AzureKeys.Schedule, "a schedule");
            if (map["cron"] is not { } cronNode)
            {
                _read.Error(AzureDiagnosticCodes.MissingKey, "A schedule needs a 'cron' expression.", map);
                continue;
            }

            if (_read.Required(cronNode, "'cron'") is not { } cron || !IsValidCron(cron, cronNode))
            {
                continue;
            }

            schedules.Add(new ScheduleTrigger(
                cron,
                map["displayName"] is { } display ? _read.String(display, "'displayName'") : null,
                Filters(map["branches"], "'branches' in a schedule"),
                map["always"] is { } always && (_read.Bool(always, "'always'") ?? false),
                map["batch"] is { } batch && (_read.Bool(batch, "'batch'") ?? false),
                map.Location));
        }

        return schedules;
    }

    private bool IsValidCron(string cron, YamlNode node)
    {
        try
        {
            CronExpression.Parse(cron, CronFormat.Standard);
            return true;
        }
        catch (CronFormatException e)
        {
            _read.Error(AzureDiagnosticCodes.InvalidCron,
                $"'{cron}' is not a valid cron expression (five fields: minute hour day-of-month month day-of-week, in UTC): {e.Message}", node);
            return false;
        }
    }

    /// <summary>An <c>include</c>/<c>exclude</c> mapping (or, where allowed, a plain list meaning include).</summary>
    private FilterSet Filters(YamlNode? node, string what, bool allowList = false)
    {
        if (node is null or YamlScalar { IsNull: true })
        {
            return FilterSet.None;
        }

        if (allowList && node is YamlSequence)
        {
            return new FilterSet(BranchList(node, what), []);
        }

        if (_read.Mapping(node, what) is not { } map)
        {
            return FilterSet.None;
        }

        _read.Keys(map, AzureKeys.IncludeExclude, what);
        var include = map["include"] is { } inc ? BranchList(inc, $"'include' of {what}") : [];
        var exclude = map["exclude"] is { } exc ? BranchList(exc, $"'exclude' of {what}") : [];
        return new FilterSet(include, exclude);
    }

    private List<string> BranchList(YamlNode node, string what)
    {
        var items = new List<string>();
        foreach (var item in _read.Sequence(node, what)?.Items ?? [])
        {
            if (_read.Required(item, $"An item of {what}") is not { } text)
            {
                continue;
            }

            if (!FilterPattern().IsMatch(text))
            {
                _read.Error(AzureDiagnosticCodes.InvalidBranchFilter,
                    $"'{text}' is not a valid filter: it may not start or end with '/', contain '//', spaces, or any of ~ ^ : [ ] \\.", item);
                continue;
            }

            items.Add(text);
        }

        return items;
    }

    // service-schema.json "branchFilter".
    [GeneratedRegex(@"^[^\/~\^\: \[\]\\]+(\/[^\/~\^\: \[\]\\]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex FilterPattern();
}
