using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Contexts;

namespace Slipway.Core.Runtime.GitHub.Workflows;

internal sealed partial class WorkflowOrchestrator
{
    /// <summary>
    /// Runs a called workflow for one leg of a <c>uses:</c> job (GHA-REUSE-1): its jobs are a nested graph
    /// shown as <c>call / job</c>; the call's result is failure when one of them fails, and its outputs are the
    /// callee's <c>on.workflow_call.outputs</c>.
    /// </summary>
    private async Task<JobOutcome> CallAsync(LegRun leg, ReusableWorkflowJob call, string shown, EvaluationContext caller, CancellationToken cancel, CancellationToken kill)
    {
        var scope = leg.Job.Scope;
        var order = leg.Job.Order * 1000 + leg.Index + 1;
        if (request.Loader.ReadCalled(call.Ref.Value) is not { } callee)
        {
            var where = request.Loader.RemotePath(call.Ref.Value);
            var message = where is null
                ? $"The called workflow '{call.Ref.Value}' could not be read."
                : $"The called workflow '{call.Ref.Value}' is not in the actions cache: expected {where} (--actions-dir).";
            return await FailUnstartedAsync(leg.RecordName, shown, order,
                Diagnostics.Diagnostic.Error(WorkflowRunDiagnosticCodes.ReusableWorkflow, message, call.Ref.Location)).ConfigureAwait(false);
        }

        var defaults = new EvaluationContext([new("github", _github), new("vars", _vars), new("inputs", ObjectValue.Empty)]);
        var inputs = ReusableCall.Inputs(call, caller, defaults);
        var withSecrets = new EvaluationContext(caller.Names.Select(n => KeyValuePair.Create(n, caller.GetNamedValue(n))).Append(new("secrets", scope.Secrets)));
        var secrets = ReusableCall.Secrets(call, scope.Secrets, withSecrets);
        if ((inputs.Error ?? secrets.Error) is { } error)
        {
            return await FailUnstartedAsync(leg.RecordName, shown, order, error).ConfigureAwait(false);
        }

        var nested = new WorkflowScope
        {
            Workflow = callee with { Jobs = call.Jobs },
            Inputs = inputs.Value,
            Secrets = secrets.Value,
            IdPrefix = leg.RecordName + ".",
            NamePrefix = shown + " / ",
        };
        var outcomes = await RunWorkflowAsync(nested, cancel, kill).ConfigureAwait(false);
        var result = outcomes.Values.Any(o => o.FailsRun) ? RunResult.Failed
            : outcomes.Values.Any(o => o.Result == RunResult.Canceled) ? RunResult.Canceled
            : outcomes.Values.All(o => o.Result == RunResult.Skipped) ? RunResult.Skipped
            : RunResult.Succeeded;
        var jobs = new ObjectValue(outcomes.Select(o => KeyValuePair.Create(o.Key, (ExpressionValue)o.Value.ToContext())));
        var outputs = ReusableCall.Outputs(call, new EvaluationContext(
            [new("github", _github), new("inputs", nested.Inputs), new("vars", _vars), new("jobs", jobs)]));
        if (!outputs.IsSuccess)
        {
            var e = outputs.Error;
            await recorder.IssueAsync(_stage, IssueType.Error, e.Message, e.Location.File, e.Location.Line, e.Location.Column, e.Code).ConfigureAwait(false);
            return new JobOutcome(RunResult.Failed, new Dictionary<string, string>());
        }

        return new JobOutcome(result, outputs.Value);
    }
}
