using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Actions;
using Slipway.Core.Runtime.GitHub.Contexts;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Jobs;

internal sealed partial class StepExecutor
{
    /// <summary>GitHub's limit on composite actions inside each other (DOCS: up to 10).</summary>
    public const int MaxCompositeDepth = 10;

    /// <summary>
    /// A composite action's steps (GHA-ACT-4), in the calling step's log: each with its own <c>if</c>
    /// (a failed step makes later ones see <c>failure()</c>), <c>env</c> over the caller's, files and
    /// <c>continue-on-error</c>, against the action's own <c>steps</c> and <c>inputs</c>.
    /// </summary>
    public async Task<CompositeStepsResult> RunCompositeAsync(StepExecution caller, IReadOnlyList<WorkflowStep> steps, ObjectValue inputs, string actionPath, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var scope = new StepScope
        {
            Steps = new StepsContext(),
            Inputs = inputs,
            ActionPath = actionPath,
            CallerEnv = caller.StepEnv.Concat(caller.Scope.CallerEnv.Where(e => !caller.StepEnv.ContainsKey(e.Key))).ToDictionary(),
            StatePrefix = caller.StateKey + "/",
            Depth = caller.Scope.Depth + 1,
        };
        if (scope.Depth > MaxCompositeDepth)
        {
            return new CompositeStepsResult(StepOutcome.Failed($"Composite actions can be nested at most {MaxCompositeDepth} deep."), scope.Steps.ToValue());
        }

        var canceled = false;
        foreach (var step in steps)
        {
            var x = Executions.Create(job, scope, step, step.Id, caller.Log, caller.Node, caller.DisplayName);
            PrepareEnv(x);
            var ifToken = step.If ?? new BasicExpressionToken(step.Location, "success()");
            var condition = x.EnvError is null ? TokenEvaluator.EvaluateBoolean(ifToken, x.ConditionContext(ifToken)) : true;
            if (!condition.IsSuccess || !condition.Value)
            {
                var conclusion = condition.IsSuccess ? StepConclusion.Skipped : StepConclusion.Failure;
                if (!condition.IsSuccess)
                {
                    caller.Log.Error(condition.Error.Message, code: JobRunnerDiagnosticCodes.ExpressionFailed);
                    scope.Failed = true;
                }

                scope.Steps.Set(step.Id, new StepRecord(new Dictionary<string, string>(), conclusion, conclusion));
                continue;
            }

            var end = await ExecuteAsync(x, ifToken, null, isMain: true, cancel).ConfigureAwait(false);
            scope.Failed |= end.Conclusion == StepConclusion.Failure;
            canceled |= end.Outcome == StepConclusion.Cancelled;
        }

        var outcome = canceled ? StepOutcome.Canceled : scope.Failed ? new StepOutcome(RunResult.Failed) : StepOutcome.Succeeded;
        return new CompositeStepsResult(outcome, scope.Steps.ToValue());
    }
}
