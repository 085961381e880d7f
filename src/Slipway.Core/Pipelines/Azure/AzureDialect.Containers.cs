using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

internal sealed partial class AzureDialect
{
    /// <summary>AZP-JOB-5: an image, a container resource alias, or an inline container mapping.</summary>
    private ContainerReference? ReadJobContainer(YamlNode node)
    {
        switch (node)
        {
            case YamlScalar scalar when !scalar.IsNull:
                var resource = _resources.FindContainer(scalar.Value);
                return resource is null
                    ? new ContainerReference(null, ImageOnly(scalar), node.Location)
                    : new ContainerReference(scalar.Value, resource.Container, node.Location);
            case YamlMapping map when map.Find("alias") is { } alias:
                _read.Keys(map, ["alias"], "'container'");
                return ContainerAlias(alias.Value);
            case YamlMapping map:
                return ReadContainerSpec(map, "'container'", checkKeys: true) is { } spec ? new ContainerReference(null, spec, node.Location) : null;
            default:
                _read.Error(AzureDiagnosticCodes.WrongType, "'container' must be an image, a container resource alias, or a mapping with 'image'.", node);
                return null;
        }
    }

    private ContainerReference? ContainerAlias(YamlNode node)
    {
        if (_read.Required(node, "'alias'") is not { } alias)
        {
            return null;
        }

        if (_resources.FindContainer(alias) is { } resource)
        {
            return new ContainerReference(alias, resource.Container, node.Location);
        }

        _read.Error(AzureDiagnosticCodes.UnknownContainer, $"No container resource has the alias '{alias}'.", node);
        return new ContainerReference(alias, null, node.Location);
    }

    private static ContainerSpec ImageOnly(YamlScalar image) => new(image.Value, null, null, [], [], [], false, [], image.Location);

    private List<ServiceContainer> ReadServices(YamlNode node)
    {
        var services = new List<ServiceContainer>();
        if (_read.Mapping(node, "'services'") is not { } map)
        {
            return services;
        }

        foreach (var entry in map.Entries)
        {
            if (ReadJobContainer(entry.Value) is { } container)
            {
                services.Add(new ServiceContainer(entry.Key.Value, container, entry.Key.Location));
            }
        }

        return services;
    }

    private ContainerSpec? ReadContainerSpec(YamlMapping map, string what, bool checkKeys)
    {
        if (checkKeys)
        {
            _read.Keys(map, AzureKeys.ContainerBase, what);
        }

        if (map["image"] is not { } imageNode)
        {
            _read.Error(AzureDiagnosticCodes.MissingKey, $"{what} needs 'image'.", map);
            return null;
        }

        return new ContainerSpec(
            _read.Required(imageNode, "'image'") ?? string.Empty,
            Opt(map, "options"),
            Opt(map, "endpoint"),
            map["env"] is { } env ? _read.StringMap(env, "'env'") : [],
            map["ports"] is { } ports ? _read.StringList(ports, "'ports'") : [],
            map["volumes"] is { } volumes ? _read.StringList(volumes, "'volumes'") : [],
            map["mapDockerSocket"] is { } socket && (_read.Bool(socket, "'mapDockerSocket'") ?? false),
            ReadOnlyMounts(map["mountReadOnly"]),
            map.Location);
    }

    private List<string> ReadOnlyMounts(YamlNode? node)
    {
        if (node is null || _read.Mapping(node, "'mountReadOnly'") is not { } map)
        {
            return [];
        }

        _read.Keys(map, AzureKeys.ReadOnlyMounts, "'mountReadOnly'");
        return [.. map.Entries.Where(e => AzureKeys.ReadOnlyMounts.Contains(e.Key.Value) && (_read.Bool(e.Value, $"'{e.Key.Value}'") ?? false)).Select(e => e.Key.Value)];
    }
}
