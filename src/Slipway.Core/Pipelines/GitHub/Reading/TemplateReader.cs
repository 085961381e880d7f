using Slipway.Core.Pipelines.GitHub.Schema;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Yaml;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Reading;

/// <summary>
/// Reads YAML nodes into template tokens while validating them against GitHub's workflow schema:
/// unknown and duplicate keys, required keys, scalar types, where expressions may appear and which
/// contexts they may use. Error texts are GitHub's.
/// </summary>
internal sealed partial class TemplateReader(WorkflowErrors errors, bool allowBackgroundSteps = false)
{
    private static readonly HashSet<string> BackgroundStepProperties = ["background", "wait", "wait-all", "cancel"];
    private static readonly HashSet<string> BackgroundStepOnlyProperties = ["wait", "wait-all", "cancel"];

    public TemplateToken Read(YamlNode node, DefinitionInfo definition) => ReadValue(node, definition);

    private TemplateToken ReadValue(YamlNode node, DefinitionInfo definition) => node switch
    {
        YamlScalar scalar => Validate(ParseScalar(ScalarTokens.From(scalar), definition), definition),
        YamlSequence sequence => ReadSequence(sequence, definition),
        _ => ReadMapping((YamlMapping)node, definition),
    };

    private SequenceToken ReadSequence(YamlSequence node, DefinitionInfo definition)
    {
        var token = new SequenceToken(node.Location) { Definition = definition };
        var sequenceDefinition = definition.SequenceDefinitions() is [var sequence, ..] ? sequence : null;
        if (sequenceDefinition is null)
        {
            errors.Add(Codes.WrongShape, "A sequence was not expected", token);
            return token;
        }

        var itemDefinition = definition.Child(((SequenceDefinition)sequenceDefinition).ItemType);
        foreach (var item in node.Items)
        {
            token.Add(ReadValue(item, itemDefinition));
        }

        return token;
    }

    private MappingToken ReadMapping(YamlMapping node, DefinitionInfo definition)
    {
        var token = new MappingToken(node.Location) { Definition = definition };
        var mappingDefinitions = definition.MappingDefinitions();
        if (mappingDefinitions.Count == 0)
        {
            errors.Add(Codes.WrongShape, "A mapping was not expected", token);
            return token;
        }

        var first = mappingDefinitions[0];
        if (mappingDefinitions.Count > 1 || first.Properties.Count > 0 || string.IsNullOrEmpty(first.LooseKeyType))
        {
            ReadWellKnown(node, token, definition, mappingDefinitions);
        }
        else
        {
            ReadAllLoose(node, token, definition, first);
        }

        return token;
    }

    private void ReadWellKnown(YamlMapping node, MappingToken mapping, DefinitionInfo definition, IReadOnlyList<MappingDefinition> definitions)
    {
        var upperKeys = new HashSet<string>(StringComparer.Ordinal);
        var hasExpressionKey = false;
        DefinitionInfo? looseKey = null;
        DefinitionInfo? looseValue = null;
        foreach (var entry in node.Entries)
        {
            var keyToken = ParseScalar(new StringToken(entry.Key.Location, KeyText(entry.Key)), definition);
            if (keyToken.IsExpression)
            {
                hasExpressionKey = true;
                ReadExpressionKey(keyToken, entry.Value, mapping, definition);
                continue;
            }

            var key = (StringToken)keyToken;
            if (!IsNewKey(key, upperKeys))
            {
                continue;
            }

            if (MatchProperty(ref definitions, key.Value) is { } property)
            {
                if (!allowBackgroundSteps && BackgroundStepProperties.Contains(key.Value))
                {
                    errors.Add(Codes.UnexpectedValue, $"Unexpected value '{key.Value}'", key);
                    continue;
                }

                var valueDefinition = definition.Child(property.Type);
                key.Definition = valueDefinition;
                mapping.Add(key, ReadValue(entry.Value, valueDefinition));
                continue;
            }

            var loose = definitions[0];
            if (!string.IsNullOrEmpty(loose.LooseKeyType))
            {
                looseKey ??= definition.Child(loose.LooseKeyType);
                looseValue ??= definition.Child(loose.LooseValueType!);
                Validate(key, looseKey);
                key.Definition = looseValue;
                mapping.Add(key, ReadValue(entry.Value, looseValue));
                continue;
            }

            errors.Add(Codes.UnexpectedValue, $"Unexpected value '{key.Value}'", key);
        }

        CheckDefinitionChoice(mapping, definition, definitions, upperKeys, hasExpressionKey);
    }

    private void CheckDefinitionChoice(
        MappingToken mapping, DefinitionInfo definition, IReadOnlyList<MappingDefinition> definitions, HashSet<string> upperKeys, bool hasExpressionKey)
    {
        if (definitions.Count == 1)
        {
            mapping.Definition = definition.Child(definitions[0]);
            if (hasExpressionKey)
            {
                return;
            }

            foreach (var (name, property) in definitions[0].Properties)
            {
                if (property.Required && !upperKeys.Contains(name.ToUpperInvariant()))
                {
                    errors.Add(Codes.RequiredPropertyMissing, $"Required property is missing: {name}", mapping);
                }
            }

            return;
        }

        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in definitions.SelectMany(d => d.Properties.Select(p => p.Key)))
        {
            hits[name] = hits.GetValueOrDefault(name) + 1;
        }

        var unique = hits.Where(h => h.Value == 1).Select(h => h.Key)
            .Where(p => allowBackgroundSteps || !BackgroundStepOnlyProperties.Contains(p))
            .Order(StringComparer.Ordinal);
        errors.Add(Codes.WrongShape,
            $"There's not enough info to determine what you meant. Add one of these properties: {string.Join(", ", unique)}", mapping);
    }

    private void ReadExpressionKey(TemplateToken key, YamlNode value, MappingToken mapping, DefinitionInfo definition)
    {
        if (definition.AllowedContext.Count > 0)
        {
            mapping.Add(key, ReadValue(value, definition.Child(WorkflowSchema.Any)));
            return;
        }

        errors.Add(Codes.Expression, "A template expression is not allowed in this context", key);
    }

    private void ReadAllLoose(YamlMapping node, MappingToken mapping, DefinitionInfo definition, MappingDefinition mappingDefinition)
    {
        var keyDefinition = definition.Child(mappingDefinition.LooseKeyType!);
        var valueDefinition = definition.Child(mappingDefinition.LooseValueType!);
        var upperKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in node.Entries)
        {
            var keyToken = ParseScalar(new StringToken(entry.Key.Location, KeyText(entry.Key)), definition);
            keyToken.Definition = keyDefinition;
            if (keyToken.IsExpression)
            {
                ReadExpressionKey(keyToken, entry.Value, mapping, definition, valueDefinition);
                continue;
            }

            var key = (StringToken)keyToken;
            if (!IsNewKey(key, upperKeys))
            {
                continue;
            }

            Validate(key, keyDefinition);
            key.Definition = valueDefinition;
            mapping.Add(key, ReadValue(entry.Value, valueDefinition));
        }
    }

    private void ReadExpressionKey(TemplateToken key, YamlNode value, MappingToken mapping, DefinitionInfo definition, DefinitionInfo valueDefinition)
    {
        if (definition.AllowedContext.Count > 0)
        {
            mapping.Add(key, ReadValue(value, valueDefinition));
            return;
        }

        errors.Add(Codes.Expression, "A template expression is not allowed in this context", key);
    }
}
