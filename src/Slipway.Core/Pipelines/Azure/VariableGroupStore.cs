using Slipway.Core.Diagnostics;
using Slipway.Core.Planning;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

/// <summary>
/// Local stand-in for the Azure DevOps library: <c>group: NAME</c> reads
/// <c>.slipway/variable-groups/NAME.yml</c> (a mapping name: value) under the repository root.
/// Whether a value is secret cannot be known locally, so values are marked <see cref="SecretState.Unknown"/>.
/// </summary>
internal sealed class VariableGroupStore(string repositoryRoot)
{
    public const string Folder = ".slipway/variable-groups";

    public VariableGroupLookup Lookup(string name, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (name.IndexOfAny(['/', '\\']) >= 0 || name.Contains("..", StringComparison.Ordinal))
        {
            return new VariableGroupLookup(null);
        }

        var relative = $"{Folder}/{name}.yml";
        var path = Path.Combine(repositoryRoot, relative);
        if (!File.Exists(path))
        {
            return new VariableGroupLookup(null);
        }

        var loaded = YamlLoader.LoadFile(path, relative, YamlLoadOptions.AzurePipelines);
        diagnostics.AddRange(loaded.Diagnostics);
        if (loaded.HasErrors)
        {
            return new VariableGroupLookup([]);
        }

        return new VariableGroupLookup(Read(loaded.Root, name, relative, at, diagnostics));
    }

    private static List<VariableDefinition> Read(YamlNode? root, string name, string file, SourceLocation at, DiagnosticBag diagnostics)
    {
        var values = new List<VariableDefinition>();
        if (root is null)
        {
            return values;
        }

        if (root is not YamlMapping map)
        {
            diagnostics.Error(AzureDiagnosticCodes.VariableGroupInvalid, $"Variable group file '{file}' must be a mapping of name: value (used by group '{name}' at {at}).", root.Location);
            return values;
        }

        foreach (var entry in map.Entries)
        {
            if (entry.Value is YamlScalar scalar)
            {
                values.Add(new VariableDefinition(entry.Key.Value, scalar.IsNull ? string.Empty : scalar.Value, false, SecretState.Unknown, entry.Key.Location));
            }
            else
            {
                diagnostics.Error(AzureDiagnosticCodes.VariableGroupInvalid, $"The value of '{entry.Key.Value}' in '{file}' must be a single value.", entry.Value.Location);
            }
        }

        return values;
    }
}
