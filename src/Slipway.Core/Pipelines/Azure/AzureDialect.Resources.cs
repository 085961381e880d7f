using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

internal sealed partial class AzureDialect
{
    private ResourceSet ReadResources(YamlNode node)
    {
        if (node is YamlSequence)
        {
            _read.Error(AzureDiagnosticCodes.InvalidValue, "The list form of 'resources' (repo: self) is not supported; use 'resources.repositories'.", node);
            return ResourceSet.Empty;
        }

        if (_read.Mapping(node, "'resources'") is not { } map)
        {
            return ResourceSet.Empty;
        }

        _read.Keys(map, AzureKeys.Resources, "'resources'");
        return new ResourceSet(
            Each(map["repositories"], "repositories", "repository", ReadRepository),
            Each(map["pipelines"], "pipelines", "pipeline", ReadPipelineResource),
            Each(map["containers"], "containers", "container", ReadContainerResource),
            Each(map["builds"], "builds", "build", ReadBuildResource),
            Each(map["packages"], "packages", "package", ReadPackageResource),
            Each(map["webhooks"], "webhooks", "webhook", ReadWebhook));
    }

    /// <summary>Reads a list of resources, each identified by its alias key; duplicate aliases are errors.</summary>
    private List<T> Each<T>(YamlNode? node, string kind, string aliasKey, Func<YamlMapping, string, T?> read)
        where T : class
    {
        var result = new List<T>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in node is null ? [] : _read.Sequence(node, $"'resources.{kind}'")?.Items ?? [])
        {
            if (_read.Mapping(item, $"An item of 'resources.{kind}'") is not { } map)
            {
                continue;
            }

            if (map[aliasKey] is not { } aliasNode || _read.Required(aliasNode, $"'{aliasKey}'") is not { } alias)
            {
                if (map[aliasKey] is null)
                {
                    _read.Error(AzureDiagnosticCodes.MissingKey, $"An item of 'resources.{kind}' needs '{aliasKey}: ALIAS'.", map);
                }

                continue;
            }

            if (!seen.Add(alias))
            {
                _read.Error(AzureDiagnosticCodes.DuplicateResourceAlias, $"The {aliasKey} resource '{alias}' is defined more than once.", aliasNode);
                continue;
            }

            if (read(map, alias) is { } resource)
            {
                result.Add(resource);
            }
        }

        return result;
    }

    private string? Opt(YamlMapping map, string key) => map[key] is { } node ? _read.String(node, $"'{key}'") : null;

    private string Need(YamlMapping map, string key, string what)
    {
        if (map[key] is { } node)
        {
            return _read.Required(node, $"'{key}'") ?? string.Empty;
        }

        _read.Error(AzureDiagnosticCodes.MissingKey, $"{what} needs '{key}'.", map);
        return string.Empty;
    }

    private RepositoryResource ReadRepository(YamlMapping map, string alias)
    {
        // The schema allows additional keys on repositories, so unknown keys are not reported here.
        var trigger = map["trigger"] is { } t ? ReadPushTrigger(t, allowBatch: false, $"the trigger of repository '{alias}'") : null;
        return new RepositoryResource(alias, Opt(map, "type") ?? "git", Opt(map, "name"), Opt(map, "ref"), Opt(map, "endpoint"), trigger, map.Location);
    }

    private PipelineResource ReadPipelineResource(YamlMapping map, string alias)
    {
        _read.Keys(map, AzureKeys.PipelineResource, $"pipeline resource '{alias}'");
        var tags = map["tags"] is { } tagNode ? _read.StringList(tagNode, "'tags'") : [];
        return new PipelineResource(alias, Opt(map, "source"), Opt(map, "project"), Opt(map, "version"), Opt(map, "branch"), tags,
            map["trigger"] is { } trigger ? ReadPipelineTrigger(trigger, alias) : null, map.Location);
    }

    /// <summary>AZP-TRIG-41: <c>true</c>, <c>none</c>, or <c>{enabled, branches, stages, tags}</c>.</summary>
    private PipelineCompletionTrigger? ReadPipelineTrigger(YamlNode node, string alias)
    {
        var what = $"the trigger of pipeline '{alias}'";
        switch (node)
        {
            case YamlScalar { Value: "none" }:
                return null;
            case YamlScalar { Value: "true" }:
                return new PipelineCompletionTrigger(true, FilterSet.All, [], [], node.Location);
            case YamlMapping map:
                _read.Keys(map, AzureKeys.PipelineResourceTrigger, what);
                return new PipelineCompletionTrigger(
                    map["enabled"] is not { } enabled || (_read.Bool(enabled, "'enabled'") ?? true),
                    Filters(map["branches"], $"'branches' in {what}", allowList: true),
                    map["stages"] is { } stages ? _read.StringList(stages, "'stages'") : [],
                    map["tags"] is { } tags ? _read.StringList(tags, "'tags'") : [],
                    node.Location);
            default:
                _read.Error(AzureDiagnosticCodes.InvalidValue, $"{what} must be 'true', 'none' or a mapping.", node);
                return null;
        }
    }

    private ContainerResource? ReadContainerResource(YamlMapping map, string alias)
    {
        if (ReadContainerSpec(map, $"container resource '{alias}'", checkKeys: false) is not { } spec)
        {
            return null;
        }

        var (enabled, tags) = map["trigger"] switch
        {
            null or YamlScalar { Value: "none" } => (false, FilterSet.None),
            YamlScalar { Value: "true" } => (true, FilterSet.All),
            YamlMapping trigger => (trigger["enabled"] is not { } e || (_read.Bool(e, "'enabled'") ?? true), Filters(trigger["tags"], "'tags'")),
            var other => InvalidTrigger(other, $"the trigger of container '{alias}'"),
        };
        return new ContainerResource(alias, spec, Opt(map, "type"), enabled, tags, map.Location);
    }

    private (bool, FilterSet) InvalidTrigger(YamlNode node, string what)
    {
        _read.Error(AzureDiagnosticCodes.InvalidValue, $"{what} must be 'true', 'none' or a mapping.", node);
        return (false, FilterSet.None);
    }

    private BuildResource ReadBuildResource(YamlMapping map, string alias)
    {
        var what = $"Build resource '{alias}'";
        _read.Keys(map, AzureKeys.BuildResource, what);
        return new BuildResource(alias, Need(map, "type", what), Need(map, "connection", what), Need(map, "source", what),
            Opt(map, "version"), Opt(map, "branch"), SimpleTrigger(map["trigger"], what), map.Location);
    }

    private PackageResource ReadPackageResource(YamlMapping map, string alias)
    {
        var what = $"Package resource '{alias}'";
        _read.Keys(map, AzureKeys.PackageResource, what);
        return new PackageResource(alias, Need(map, "type", what), Need(map, "connection", what), Need(map, "name", what),
            Opt(map, "version"), Opt(map, "tag"), SimpleTrigger(map["trigger"], what), map.Location);
    }

    private bool SimpleTrigger(YamlNode? node, string what)
    {
        if (node is null or YamlScalar { Value: "none" })
        {
            return false;
        }

        if (node is YamlScalar { Value: "true" })
        {
            return true;
        }

        _read.Error(AzureDiagnosticCodes.InvalidValue, $"The trigger of {what} must be 'true' or 'none'.", node);
        return false;
    }

    private WebhookResource ReadWebhook(YamlMapping map, string alias)
    {
        var what = $"Webhook resource '{alias}'";
        _read.Keys(map, AzureKeys.WebhookResource, what);
        var filters = new List<WebhookFilter>();
        foreach (var item in map["filters"] is { } f ? _read.Sequence(f, "'filters'")?.Items ?? [] : [])
        {
            if (_read.Mapping(item, "A webhook filter") is { } filter)
            {
                _read.Keys(filter, AzureKeys.WebhookFilter, "a webhook filter");
                filters.Add(new WebhookFilter(Need(filter, "path", "A webhook filter"), Need(filter, "value", "A webhook filter"), filter.Location));
            }
        }

        return new WebhookResource(alias, Need(map, "connection", what), Opt(map, "type"), filters, map.Location);
    }
}
