using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

internal sealed partial class AzureDialect
{
    /// <summary>Declared runtime parameters; their values were applied by the template step already.</summary>
    private List<ParameterDeclaration> ReadParameters(YamlNode node)
    {
        var result = new List<ParameterDeclaration>();
        foreach (var item in _read.Sequence(node, "'parameters'")?.Items ?? [])
        {
            if (_read.Mapping(item, "A parameter") is not { } map)
            {
                continue;
            }

            _read.Keys(map, AzureKeys.Parameter, "a parameter");
            var values = map["values"] is { } v ? _read.StringList(v, "'values'") : [];
            result.Add(new ParameterDeclaration(Need(map, "name", "A parameter"), Opt(map, "type") ?? "string", Opt(map, "displayName"), map["default"], values, map.Location));
        }

        return result;
    }
}
