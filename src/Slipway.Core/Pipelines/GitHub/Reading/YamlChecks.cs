using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Reading;

/// <summary>
/// Checks GitHub makes on the YAML itself before reading it against the schema: file size, nesting
/// depth and explicit tags (<c>!!int</c>, <c>!!bool</c>... must fit their value; other tags are refused).
/// GitHub stops at the first of these errors; so does this check.
/// </summary>
internal static class YamlChecks
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    public static bool FileSizeOk(string text, string file, int maxFileSize, WorkflowErrors errors)
    {
        if (maxFileSize <= 0 || text.Length <= maxFileSize)
        {
            return true;
        }

        errors.AddFileOnly(Codes.Limit, $"The maximum file size of {maxFileSize} characters has been exceeded", new SourceLocation(file, 1, 1));
        return false;
    }

    public static bool NodesOk(YamlNode root, int maxDepth, WorkflowErrors errors)
    {
        var stack = new Stack<(YamlNode Node, int Depth)>();
        stack.Push((root, root is YamlScalar ? 0 : 1));
        while (stack.TryPop(out var item))
        {
            if (maxDepth > 0 && item.Depth > maxDepth)
            {
                errors.AddFileOnly(Codes.Limit, "Maximum object depth exceeded", item.Node.Location);
                return false;
            }

            switch (item.Node)
            {
                case YamlScalar scalar when TagError(scalar) is { } message:
                    errors.AddFileOnly(Codes.Yaml, message, scalar.Location);
                    return false;
                case YamlSequence sequence:
                    foreach (var child in sequence.Items.Reverse())
                    {
                        stack.Push((child, item.Depth + (child is YamlScalar ? 0 : 1)));
                    }

                    break;
                case YamlMapping mapping:
                    foreach (var entry in mapping.Entries.Reverse())
                    {
                        stack.Push((entry.Value, item.Depth + (entry.Value is YamlScalar ? 0 : 1)));
                        stack.Push((entry.Key, item.Depth));
                    }

                    break;
            }
        }

        return true;
    }

    private static string? TagError(YamlScalar scalar)
    {
        if (scalar.Tag is not { } tag || tag == TagPrefix + "str")
        {
            return null;
        }

        var where = $"on line {scalar.Location.Line} and column {scalar.Location.Column}";
        if (tag is not (TagPrefix + "int" or TagPrefix + "float" or TagPrefix + "bool" or TagPrefix + "null"))
        {
            return $"Unexpected tag '{tag}'";
        }

        if (scalar.Style != ScalarStyle.Plain)
        {
            return $"The scalar style '{scalar.Style}' {where} is not valid with the tag '{tag}'";
        }

        var fits = tag switch
        {
            TagPrefix + "int" => ScalarTokens.Number(scalar.Value) is { } n && n == Math.Floor(n) && !scalar.Value.Contains('.', StringComparison.Ordinal),
            TagPrefix + "float" => ScalarTokens.Number(scalar.Value) is not null,
            TagPrefix + "bool" => scalar.Value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE",
            _ => scalar.Value is "" or "~" or "null" or "Null" or "NULL",
        };
        return fits ? null : $"The value '{scalar.Value}' {where} is invalid for the type '{tag}'";
    }
}
