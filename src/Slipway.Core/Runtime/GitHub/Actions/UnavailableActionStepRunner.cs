using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Actions;

/// <summary>Used when no action runner is plugged in: a <c>uses:</c> step fails, saying so.</summary>
internal sealed class UnavailableActionStepRunner : IActionStepRunner
{
    public Task<ActionPreparation> PrepareAsync(IActionHost host, WorkflowStep step, CancellationToken cancel) =>
        Task.FromResult(ActionPreparation.None);

    public Task<StepOutcome> RunAsync(IActionHost host, WorkflowStep step, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Task.FromResult(StepOutcome.Failed(
            $"The step uses '{step.Uses?.Value}', but this build of Slipway has no runner for 'uses:' actions; only 'run:' steps can run."));
    }

    public Task<bool> IsContainerEngineAvailableAsync(IActionHost host, CancellationToken cancel) => Task.FromResult(false);
}
