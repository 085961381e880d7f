using Slipway.Core.Pipelines.GitHub.Reading;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>Checks GitHub makes on job values at parse time (values with expressions are checked at run time).</summary>
internal static class JobChecks
{
    private const string DockerPrefix = "docker://";

    public static void RunsOn(TemplateToken value, WorkflowErrors errors)
    {
        if (value is not MappingToken mapping)
        {
            return;
        }

        foreach (var pair in mapping.Pairs)
        {
            if (pair.Key is not StringToken { Value: "group" } || pair.Value is not StringToken group)
            {
                continue;
            }

            var names = group.Value.Split('/');
            if (names.Length == 2 && names[1].Length == 0)
            {
                errors.Add(Codes.InvalidValue, $"Invalid runs-on group name '{group.Value}'.", group);
            }
            else if (names.Length > 2 || (names.Length == 2 && names[0] is not ("org" or "organization" or "ent" or "enterprise")))
            {
                errors.Add(Codes.InvalidValue,
                    $"Invalid runs-on group name '{group.Value}'. Please use 'organization/' or 'enterprise/' prefix to target a single runner group.", group);
            }
        }
    }

    public static void Strategy(TemplateToken value, WorkflowErrors errors)
    {
        if (value is not MappingToken strategy || strategy.Find("matrix") is not MappingToken matrix)
        {
            return;
        }

        var hasVector = false;
        var hasInclude = false;
        foreach (var pair in matrix.Pairs)
        {
            if (pair.Key is not StringToken key)
            {
                hasVector = true;
                continue;
            }

            var hasExpression = pair.Value.Traverse().Any(t => t.IsExpression);
            if (key.Value == "include")
            {
                hasInclude = hasExpression || pair.Value is SequenceToken { Items.Count: > 0 };
            }
            else if (key.Value != "exclude")
            {
                hasVector = true;
                if (!hasExpression && pair.Value is SequenceToken { Items.Count: 0 } empty)
                {
                    errors.Add(Codes.Matrix, $"Matrix vector '{key.Value}' does not contain any values", empty);
                }
            }
        }

        if (!hasVector && !hasInclude)
        {
            errors.Add(Codes.Matrix, "Matrix must define at least one vector", matrix);
        }
    }

    public static void Services(TemplateToken value, WorkflowErrors errors)
    {
        if (value is not MappingToken services || value.Traverse().Any(t => t.IsExpression))
        {
            return;
        }

        foreach (var pair in services.Pairs)
        {
            Container(pair.Value, isService: true, errors);
        }
    }

    public static void Container(TemplateToken value, bool isService, WorkflowErrors errors)
    {
        if (value.Traverse().Any(t => t.IsExpression))
        {
            return;
        }

        var image = value is MappingToken mapping ? (mapping.Find("image") as StringToken)?.Value : (value as StringToken)?.Value;
        var hasPrefix = image?.StartsWith(DockerPrefix, StringComparison.Ordinal) == true;
        var trimmed = hasPrefix ? image![DockerPrefix.Length..] : image;
        if (string.IsNullOrEmpty(trimmed) && (hasPrefix || isService || value is MappingToken))
        {
            errors.Add(Codes.InvalidValue, "Container image cannot be empty", value);
        }
    }

    public static void Concurrency(TemplateToken value, WorkflowErrors errors)
    {
        var group = value switch
        {
            StringToken text => text.Value,
            MappingToken mapping => (mapping.Find("group") as StringToken)?.Value,
            _ => null,
        };
        if (group?.Length > 400)
        {
            errors.Add(Codes.InvalidValue, "Concurrency group name must be less than 400 characters", value);
        }
    }
}
