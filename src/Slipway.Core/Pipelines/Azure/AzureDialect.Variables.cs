using System.Text.RegularExpressions;
using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

internal sealed partial class AzureDialect
{
    private static readonly string[] ReservedVariablePrefixes = ["endpoint", "input", "secret", "path", "securefile"];

    /// <summary>AZP-VAR-10: a mapping of name: value, or a list of {name, value, readonly} and {group}.</summary>
    private List<VariableEntry> ReadVariables(YamlNode node, string scope)
    {
        var entries = new List<VariableEntry>();
        switch (node)
        {
            case YamlScalar { IsNull: true }:
                break;
            case YamlMapping map:
                foreach (var entry in map.Entries)
                {
                    if (_read.String(entry.Value, $"The value of variable '{entry.Key.Value}'") is { } value)
                    {
                        entries.Add(Variable(entry.Key, value, readOnly: false));
                    }
                }

                break;
            case YamlSequence list:
                foreach (var item in list.Items)
                {
                    if (ReadVariableItem(item, scope) is { } entry)
                    {
                        entries.Add(entry);
                    }
                }

                break;
            default:
                _read.Error(AzureDiagnosticCodes.WrongType, $"The {scope} 'variables' must be a mapping (name: value) or a list.", node);
                break;
        }

        return entries;
    }

    private VariableEntry? ReadVariableItem(YamlNode item, string scope)
    {
        if (_read.Mapping(item, $"An item of the {scope} 'variables'") is not { } map || IsTemplateReference(map, "variables"))
        {
            return null;
        }

        if (map.Find("group") is { } group)
        {
            _read.Keys(map, ["group"], "a variable group reference");
            return _read.Required(group.Value, "'group'") is { } name ? ReadGroup(name, group.Value) : null;
        }

        _read.Keys(map, AzureKeys.Variable, "a variable");
        if (map.Find("name") is not { } nameEntry)
        {
            _read.Error(AzureDiagnosticCodes.MissingKey, "A variable in list form needs 'name' (or 'group').", map);
            return null;
        }

        if (nameEntry.Value is not YamlScalar nameNode || _read.Required(nameNode, "A variable name") is null)
        {
            return null;
        }

        var value = map["value"] is { } v ? _read.String(v, $"The value of variable '{nameNode.Value}'") ?? string.Empty : string.Empty;
        var readOnly = map["readonly"] is { } r && (_read.Bool(r, "'readonly'") ?? false);
        return Variable(nameNode, value, readOnly);
    }

    private VariableDefinition Variable(YamlScalar name, string value, bool readOnly)
    {
        CheckVariableName(name);
        var definition = new VariableDefinition(name.Value, value, readOnly, SecretState.NotSecret, name.Location);
        var trimmed = value.Trim();
        if (trimmed.StartsWith("$[", StringComparison.Ordinal) && trimmed.EndsWith(']'))
        {
            return definition with { RuntimeExpression = new ExpressionText(trimmed[2..^1].Trim(), name.Location) };
        }

        if (value.Contains("$[", StringComparison.Ordinal))
        {
            _read.Warning(AzureDiagnosticCodes.RuntimeExpressionNotWhole,
                $"The value of '{name.Value}' contains '$[' but is not a runtime expression: '$[ ]' must be the whole value, so this text is kept literally (AZP-VAR-4).", name);
        }

        return definition;
    }

    /// <summary>AZP-VAR-14: letters, digits, '.' and '_'; reserved prefixes are not exposed to tasks.</summary>
    private void CheckVariableName(YamlScalar name)
    {
        if (!VariableNamePattern().IsMatch(name.Value))
        {
            _read.Error(AzureDiagnosticCodes.InvalidVariableName,
                $"'{name.Value}' is not a valid variable name: use only letters, digits, '.' and '_'.", name);
            return;
        }

        if (ReservedVariablePrefixes.FirstOrDefault(p => name.Value.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix)
        {
            _read.Warning(AzureDiagnosticCodes.ReservedVariablePrefix,
                $"Variable '{name.Value}' starts with the reserved prefix '{prefix}'; Azure Pipelines does not expose such variables to tasks and scripts.", name);
        }
    }

    private VariableGroupReference ReadGroup(string name, YamlNode at)
    {
        var lookup = _options.VariableGroups?.Invoke(name, at.Location, _read.Diagnostics);
        if (lookup?.Values is { } values)
        {
            return new VariableGroupReference(name, true, values, at.Location);
        }

        _read.Warning(AzureDiagnosticCodes.VariableGroupNotFound,
            $"Variable group '{name}' is not known locally, so its values are unknown; add .slipway/variable-groups/{name}.yml (name: value) to provide them.", at);
        return new VariableGroupReference(name, false, [], at.Location);
    }

    [GeneratedRegex(@"^[A-Za-z0-9._]+$", RegexOptions.CultureInvariant)]
    private static partial Regex VariableNamePattern();
}
