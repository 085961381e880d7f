using Slipway.Core.Pipelines.GitHub.Schema;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Yaml;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Reading;

/// <summary>Keys and scalar values: duplicates, matching well-known properties, checking literals against the schema.</summary>
internal sealed partial class TemplateReader
{
    /// <summary>A literal as text when the schema wants a string (numbers as GitHub's C# parser prints them).</summary>
    private static string LiteralText(TemplateToken literal) =>
        literal is NumberToken number && double.IsFinite(number.Value)
            ? number.Value.ToString("G15", System.Globalization.CultureInfo.InvariantCulture)
            : literal.ToString()!;

    private static string KeyText(YamlScalar key) => key.IsNull ? string.Empty : key.Value;

    private bool IsNewKey(StringToken key, HashSet<string> upperKeys)
    {
        if (key.Value.Length == 0 || upperKeys.Add(key.Value.ToUpperInvariant()))
        {
            return true;
        }

        errors.Add(Codes.AlreadyDefined, $"'{key.Value}' is already defined", key);
        return false;
    }

    /// <summary>The property named in any of the candidate definitions; the candidates without it are dropped
    /// (a new list: the schema's lists are shared).</summary>
    private static PropertyDefinition? MatchProperty(ref IReadOnlyList<MappingDefinition> definitions, string name)
    {
        PropertyDefinition? result = null;
        var notFoundInSome = false;
        foreach (var definition in definitions)
        {
            if (definition.Property(name) is { } property)
            {
                result = property;
            }
            else
            {
                notFoundInSome = true;
            }
        }

        if (result is not null && notFoundInSome)
        {
            definitions = [.. definitions.Where(d => d.Property(name) is not null)];
        }

        return result;
    }

    private TemplateToken Validate(TemplateToken scalar, DefinitionInfo definition)
    {
        if (scalar.IsLiteral)
        {
            var scalars = definition.ScalarDefinitions();
            if (scalars.FirstOrDefault(d => d.IsMatch(scalar)) is { } match)
            {
                scalar.Definition = definition.Child(match);
                return scalar;
            }

            if (scalar is not StringToken)
            {
                var text = new StringToken(scalar.Location, LiteralText(scalar));
                if (scalars.FirstOrDefault(d => d.IsMatch(text)) is { } textMatch)
                {
                    text.Definition = definition.Child(textMatch);
                    return text;
                }
            }

            errors.Add(Codes.UnexpectedValue, $"Unexpected value '{scalar}'", scalar);
            return scalar;
        }

        scalar.Definition ??= definition;
        if (scalar.Kind == TokenKind.BasicExpression && definition.AllowedContext.Count == 0)
        {
            errors.Add(Codes.Expression, "A template expression is not allowed in this context", scalar);
        }
        else if (scalar.Kind != TokenKind.BasicExpression)
        {
            errors.Add(Codes.UnexpectedValue, $"Unexpected value '{scalar}'", scalar);
        }

        return scalar;
    }
}
