using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>Background steps (GitHub's <c>allowBackgroundSteps</c> feature): wait, wait-all, cancel and parallel groups.</summary>
internal sealed partial class StepConverter
{
    private List<StringToken> WaitTargets(TemplateToken value, HashSet<string> known, string ownId)
    {
        var targets = value is StringToken single ? [single] : value.AssertSequence("steps item wait").Items.Select(i => i.AssertString("steps item wait item")).ToList();
        foreach (var target in targets)
        {
            CheckTarget(target, known, ownId);
        }

        return targets;
    }

    private bool WaitAll(TemplateToken value)
    {
        if (value is NullToken)
        {
            return true;
        }

        if (!value.AssertBoolean("steps item wait-all").Value)
        {
            errors.Add(Codes.InvalidValue, "The value of 'wait-all' must be true or omitted", value);
        }

        return true;
    }

    private void CheckTarget(StringToken target, HashSet<string> known, string ownId)
    {
        if (target.Value.StartsWith("__", StringComparison.Ordinal))
        {
            errors.Add(Codes.InvalidId, $"The identifier '{target.Value}' is invalid. IDs starting with '__' are reserved.", target);
        }
        else if (ownId.Length > 0 && string.Equals(target.Value, ownId, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Codes.InvalidValue, $"Step '{ownId}' cannot reference itself", target);
        }
        else if (!known.Contains(target.Value))
        {
            errors.Add(Codes.InvalidValue, $"Step references unknown step ID '{target.Value}'", target);
        }
    }

    private List<WorkflowStep> Parallel(TemplateToken value, MappingToken step)
    {
        var steps = new StepConverter(errors, allowBackgroundSteps).Convert(value);
        foreach (var inner in steps)
        {
            var problem = inner switch
            {
                { Background: not null } => "'background' is not allowed inside a parallel block. Steps in a parallel block are automatically run as background steps.",
                { Wait: not null } => "'wait' is not allowed inside a parallel block.",
                { WaitAll: not null } => "'wait-all' is not allowed inside a parallel block.",
                { Cancel: not null } => "'cancel' is not allowed inside a parallel block.",
                { Parallel: not null } => "Nested 'parallel' blocks are not allowed.",
                _ => null,
            };
            if (problem is not null)
            {
                errors.Add(Codes.InvalidValue, problem, step);
            }
        }

        return steps;
    }
}
