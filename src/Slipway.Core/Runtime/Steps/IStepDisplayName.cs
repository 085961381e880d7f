using Slipway.Core.Planning;

namespace Slipway.Core.Runtime.Steps;

/// <summary>
/// A handler that names its steps when the YAML gives no <c>displayName</c>, as the agent does
/// (the checkout: <c>Checkout repo@main to s</c>). Null keeps the step's name.
/// </summary>
internal interface IStepDisplayName
{
    string? DefaultDisplayName(StepPlan step, RunContext run, JobPlan job, string pipelineWorkspace);
}
