using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Reading;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>Converts <c>jobs.&lt;id&gt;.steps</c>: ids (checked and generated), conditions and the <c>uses</c> syntax.</summary>
internal static class StepConverter
{
    private const string DockerPrefix = "docker://";

    public static List<WorkflowStep> Convert(TemplateToken token, WorkflowErrors errors)
    {
        var sequence = token.AssertSequence("job steps");
        var ids = new IdBuilder();
        var steps = new List<WorkflowStep>();
        foreach (var item in sequence.Items)
        {
            if (ConvertStep(item, ids, errors) is { } step)
            {
                steps.Add(step);
            }
        }

        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Id.Length == 0)
            {
                ids.AppendSegment("__" + GeneratedIdBase(steps[i]));
                steps[i] = steps[i] with { Id = ids.Build() };
            }
        }

        return steps;
    }

    private static WorkflowStep? ConvertStep(TemplateToken item, IdBuilder ids, WorkflowErrors errors)
    {
        var mapping = item.AssertMapping("steps item");
        var step = new WorkflowStep { Id = string.Empty, If = IfConditions.Default(), Location = mapping.Location };
        TemplateToken? ifToken = null;
        foreach (var pair in mapping.Pairs)
        {
            var value = pair.Value;
            switch (pair.Key.AssertString("steps item key").Value)
            {
                case "id":
                    var id = value.AssertString("steps item id");
                    if (id.Value.Length > 0 && ids.TryAddKnownId(id.Value) is { } error)
                    {
                        errors.Add(Codes.InvalidId, error, id);
                    }

                    step = step with { Id = id.Value };
                    break;
                case "if": ifToken = value.AssertScalar("steps item if"); break;
                case "name": step = step with { Name = value.AssertScalar("steps item name") }; break;
                case "run": step = step with { Run = value.AssertScalar("steps item run") }; break;
                case "shell": step = step with { Shell = value.AssertScalar("steps item shell") }; break;
                case "working-directory": step = step with { WorkingDirectory = value.AssertScalar("steps item working-directory") }; break;
                case "uses": step = step with { Uses = value.AssertString("steps item uses") }; break;
                case "with": step = step with { With = value }; break;
                case "env": step = step with { Env = value }; break;
                case "continue-on-error": step = step with { ContinueOnError = value.AssertScalar("steps continue-on-error") }; break;
                case "timeout-minutes": step = step with { TimeoutMinutes = value.AssertScalar("steps item timeout-minutes") }; break;
            }
        }

        step = step with { If = IfConditions.Convert(ifToken, isJob: false, errors) ?? step.If };
        if (step.Run is null && step.Uses is null)
        {
            errors.Add(Codes.StepKind, "Expected one of uses or run to be defined", mapping);
            return null;
        }

        if (step.Run is null && step.Uses is { } uses && !IsValidUses(uses.Value))
        {
            errors.Add(Codes.StepUses, $"Expected format {{org}}/{{repo}}[/path]@ref. Actual '{uses.Value}'", uses);
        }

        return step;
    }

    private static bool IsValidUses(string uses)
    {
        if (uses.StartsWith(DockerPrefix, StringComparison.Ordinal) || uses.StartsWith("./", StringComparison.Ordinal)
            || uses.StartsWith(".\\", StringComparison.Ordinal))
        {
            return true;
        }

        return RepositoryPart(uses) is not null;
    }

    /// <summary><c>owner/repo</c> of <c>owner/repo[/path]@ref</c>, or null when the text has another form.</summary>
    private static string? RepositoryPart(string uses)
    {
        var parts = uses.Split('@');
        if (parts.Length != 2 || parts[1].Length == 0)
        {
            return null;
        }

        var path = parts[0].Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        return path.Length >= 2 ? $"{path[0]}/{path[1]}" : null;
    }

    private static string GeneratedIdBase(WorkflowStep step)
    {
        if (step.Run is not null || step.Uses is null)
        {
            return "run";
        }

        var uses = step.Uses.Value;
        if (uses.StartsWith(DockerPrefix, StringComparison.Ordinal))
        {
            return uses[DockerPrefix.Length..] is { Length: > 0 } image ? image : "run";
        }

        if (uses.StartsWith("./", StringComparison.Ordinal) || uses.StartsWith(".\\", StringComparison.Ordinal))
        {
            return "self";
        }

        return RepositoryPart(uses) ?? "run";
    }
}
