using Slipway.Core.Execution.Output;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Services;

namespace Slipway.Core.Runtime.Jobs;

/// <summary>
/// Applies a step's logging commands to the job and the run (AZP-LOG-10..37), honouring the step's
/// <c>target</c> restrictions (AZP-STEP-13). Effects on variables reach later steps only.
/// </summary>
internal sealed partial class CommandApplier(JobExecution job, StepPlan step, TimelineNode node, StepLogger log)
{
    private static readonly HashSet<Type> RestrictedModeAllowed =
    [
        typeof(AzureLogIssue), typeof(AzureComplete), typeof(AzureSetProgress), typeof(AzureSetSecret),
        typeof(AzureSetVariable), typeof(AzureDebug), typeof(AzureSetTaskVariable), typeof(AzurePrependPath),
    ];

    /// <summary>The result <c>task.complete</c> asked for, merged pessimistically (AZP-LOG-13).</summary>
    public AzureTaskResult? CompleteResult { get; private set; }

    public string? CompleteMessage { get; private set; }

    /// <summary>A command failed in a way that fails the step (read-only variable).</summary>
    public bool FailsStep { get; private set; }

    public void MarkFailed() => FailsStep = true;

    public void Apply(AzureCommand command)
    {
        if (string.Equals(step.Target?.Commands, "restricted", StringComparison.OrdinalIgnoreCase)
            && !RestrictedModeAllowed.Contains(command.GetType()))
        {
            log.Warning($"The command '{Describe(command)}' is not allowed in restricted mode (target.commands: restricted) and was ignored.");
            return;
        }

        switch (command)
        {
            case AzureSetVariable v:
                SetVariable(v);
                break;
            case AzureLogIssue issue:
                log.Record(issue.Type == AzureIssueType.Error ? IssueType.Error : IssueType.Warning, issue.Message, issue.SourcePath, issue.LineNumber, issue.ColumnNumber, issue.Code);
                break;
            case AzureComplete complete:
                CompleteResult = StepResults.Merge(CompleteResult, complete.Result);
                CompleteMessage = complete.Message.Length > 0 ? complete.Message : CompleteMessage;
                break;
            case AzurePrependPath prepend:
                PrependPath(prepend.Path);
                break;
            case AzureSetTaskVariable taskVariable:
                job.Variables.TrySet("VSTS_TASKVARIABLE_" + taskVariable.Name, taskVariable.Value, taskVariable.IsSecret, taskVariable.IsReadOnly);
                break;
            default:
                ApplyRunCommand(command);
                break;
        }
    }

    private void SetVariable(AzureSetVariable v)
    {
        if (!IsSettable(v.Name))
        {
            log.Warning($"Can't set variable '{v.Name}': the step's target.settableVariables does not allow it.");
            return;
        }

        if (!VariableSetter.Set(job, step.Name, log, v.Name, v.Value, v.IsSecret, v.IsOutput, v.IsReadOnly))
        {
            FailsStep = true;
        }
    }

    private void PrependPath(string path)
    {
        if (!IsSettable("PATH"))
        {
            log.Warning("Can't prepend to PATH: the step's target.settableVariables does not list PATH.");
            return;
        }

        StepResults.PrependPaths(job.PrependPath, [path]);
    }

    private bool IsSettable(string name) =>
        step.Target?.SettableVariables is not { } allowed
        || allowed.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));

    private static string Describe(AzureCommand command) => command.GetType().Name.Replace("Azure", string.Empty, StringComparison.Ordinal);

    private RunServices Services => job.Run.Services;
}
