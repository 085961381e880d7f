using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Reading;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>Converts <c>jobs.&lt;id&gt;.steps</c>: ids (checked and generated), conditions, the <c>uses</c> syntax and background steps.</summary>
internal sealed partial class StepConverter(WorkflowErrors errors, bool allowBackgroundSteps)
{
    private const string DockerPrefix = "docker://";

    public List<WorkflowStep> Convert(TemplateToken token)
    {
        var sequence = token.AssertSequence("job steps");
        var ids = new IdBuilder();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var steps = new List<WorkflowStep>();
        foreach (var item in sequence.Items)
        {
            if (ConvertStep(item, ids, known) is { } step)
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

    private WorkflowStep? ConvertStep(TemplateToken item, IdBuilder ids, HashSet<string> known)
    {
        var mapping = item.AssertMapping("steps item");
        var step = new WorkflowStep { Id = string.Empty, Location = mapping.Location };
        TemplateToken? ifToken = null;
        foreach (var pair in mapping.Pairs)
        {
            var value = pair.Value;
            switch (pair.Key.AssertString("steps item key").Value)
            {
                case "id":
                    step = step with { Id = CheckId(value.AssertString("steps item id"), ids, known) };
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
                case "background": step = step with { Background = value.AssertBoolean("steps item background").Value }; break;
                case "wait": step = step with { Wait = WaitTargets(value, known, step.Id) }; break;
                case "wait-all": step = step with { WaitAll = WaitAll(value) }; break;
                case "cancel":
                    var cancel = value.AssertString("steps item cancel");
                    CheckTarget(cancel, known, step.Id);
                    step = step with { Cancel = cancel };
                    break;
                case "parallel": step = step with { Parallel = Parallel(value, mapping) }; break;
            }
        }

        return Finish(step, ifToken, mapping);
    }

    private WorkflowStep? Finish(WorkflowStep step, TemplateToken? ifToken, MappingToken mapping)
    {
        if (step.Run is not null || step.Uses is not null)
        {
            step = step with { If = IfConditions.Convert(ifToken, isJob: false, errors) ?? IfConditions.Default() };
            if (step.Run is null && !IsValidUses(step.Uses!.Value))
            {
                errors.Add(Codes.StepUses, $"Expected format {{org}}/{{repo}}[/path]@ref. Actual '{step.Uses.Value}'", step.Uses);
            }

            return step;
        }

        var synthetic = step.Wait is not null ? "Wait" : step.WaitAll is not null ? "Wait for all" : step.Cancel is not null ? "Cancel"
            : step.Parallel is not null ? "Parallel group" : null;
        if (synthetic is not null)
        {
            return step with { Name = step.Name ?? new StringToken(Diagnostics.SourceLocation.None, synthetic) };
        }

        errors.Add(Codes.StepKind, allowBackgroundSteps
            ? "Expected one of uses, run, wait, wait-all, cancel, or parallel to be defined"
            : "Expected one of uses or run to be defined", mapping);
        return null;
    }

    private string CheckId(StringToken id, IdBuilder ids, HashSet<string> known)
    {
        if (id.Value.Length > 0)
        {
            if (ids.TryAddKnownId(id.Value) is { } error)
            {
                errors.Add(Codes.InvalidId, error, id);
            }
            else
            {
                known.Add(id.Value);
            }
        }

        return id.Value;
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
        if (step.Uses is { } usesToken && step.Run is null)
        {
            var uses = usesToken.Value;
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

        return step.Wait is not null ? "wait" : step.WaitAll is not null ? "wait-all" : step.Cancel is not null ? "cancel"
            : step.Parallel is not null ? "parallel" : "run";
    }
}
