using System.Text.RegularExpressions;
using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

internal sealed partial class AzureDialect
{
    /// <summary>AZP-DEP-5..7: <c>matrix</c> (+ <c>maxParallel</c>) or <c>parallel</c>.</summary>
    private JobStrategy? ReadStrategy(YamlNode node)
    {
        if (_read.Mapping(node, "'strategy'") is not { } map)
        {
            return null;
        }

        if (map.Find("parallel") is { } parallel)
        {
            if (map.Find("matrix") is { } matrix)
            {
                _read.Error(AzureDiagnosticCodes.ConflictingKeys, "A strategy has either 'matrix' or 'parallel', not both.", matrix.Key);
            }

            _read.Keys(map, [.. AzureKeys.ParallelStrategy, "matrix"], "'strategy'");
            return new JobStrategy { Parallel = _read.Int(parallel.Value, "'parallel'", 1), Location = map.Location };
        }

        _read.Keys(map, AzureKeys.MatrixStrategy, "'strategy'");
        var strategy = new JobStrategy
        {
            MaxParallel = map["maxParallel"] is { } max ? _read.Int(max, "'maxParallel'") : null,
            Location = map.Location,
        };
        return map["matrix"] switch
        {
            null => strategy,
            YamlScalar s when s.Value.Trim().StartsWith("$[", StringComparison.Ordinal) && s.Value.Trim().EndsWith(']') =>
                strategy with { MatrixExpression = new ExpressionText(s.Value.Trim()[2..^1].Trim(), s.Location) },
            var matrix => strategy with { Matrix = ReadMatrix(matrix) },
        };
    }

    private List<MatrixLeg> ReadMatrix(YamlNode node)
    {
        var legs = new List<MatrixLeg>();
        if (_read.Mapping(node, "'matrix' (or a runtime expression $[ ])") is not { } map)
        {
            return legs;
        }

        foreach (var entry in map.Entries)
        {
            if (!MatrixLegPattern().IsMatch(entry.Key.Value))
            {
                _read.Error(AzureDiagnosticCodes.InvalidMatrixLegName,
                    $"'{entry.Key.Value}' is not a valid matrix leg name: use letters, digits and '_', start with a letter, at most 100 characters.", entry.Key);
                continue;
            }

            legs.Add(new MatrixLeg(entry.Key.Value, _read.StringMap(entry.Value, $"matrix leg '{entry.Key.Value}'"), entry.Key.Location));
        }

        return legs;
    }

    // AZP-DOC-12.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex MatrixLegPattern();
}
