using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Contexts;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Actions;

/// <summary>Composite actions (GHA-ACT-4): the steps run through the host; <c>outputs.&lt;id&gt;.value</c> read the action's <c>steps</c>.</summary>
internal sealed partial class GitHubActionRunner
{
    private static async Task<StepOutcome> RunCompositeAsync(IActionHost host, ResolvedAction action, CompositeActionRuns composite, CancellationToken cancel)
    {
        var inputs = Inputs(host, action);
        if (inputs is null)
        {
            return StepOutcome.Failed("The action's inputs could not be evaluated.");
        }

        var result = await host.RunStepsAsync(composite.Steps, inputs.ToContext(), action.Directory!, cancel).ConfigureAwait(false);
        var outputsFailed = !SetCompositeOutputs(host, action.Manifest!, inputs, result.Steps);
        if (result.Outcome.Result is RunResult.Canceled or RunResult.Failed)
        {
            return result.Outcome;
        }

        return outputsFailed ? new StepOutcome(RunResult.Failed) : StepOutcome.Succeeded;
    }

    /// <summary>Evaluates each <c>outputs.&lt;id&gt;.value</c> against the action's <c>inputs</c> and <c>steps</c> (also after a failure, as the runner does).</summary>
    private static bool SetCompositeOutputs(IActionHost host, ActionManifest manifest, ActionInputs inputs, ObjectValue steps)
    {
        if (manifest.Outputs.Count == 0)
        {
            return true;
        }

        var names = host.Context.Names.Where(n => n is not ("steps" or "inputs"))
            .Select(n => new KeyValuePair<string, ExpressionValue>(n, host.Context.GetNamedValue(n)))
            .Append(new("steps", steps))
            .Append(new("inputs", inputs.ToContext()));
        var context = new EvaluationContext(names, host.Context.Host);
        var ok = true;
        foreach (var output in manifest.Outputs)
        {
            var value = TokenEvaluator.EvaluateString(output.Value, context);
            if (!value.IsSuccess)
            {
                host.Log.Error(value.Error.Message, value.Error.Location.File, value.Error.Location.Line, value.Error.Location.Column, ActionDiagnosticCodes.OutputEvaluation);
                ok = false;
                continue;
            }

            host.SetOutput(output.Id, value.Value);
        }

        return ok;
    }
}
