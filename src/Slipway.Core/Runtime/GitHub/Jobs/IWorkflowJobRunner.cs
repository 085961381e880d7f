using Slipway.Core.Expressions.Values;
using Slipway.Core.Orchestration;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.GitHub.Triggers;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// Runs one job of a workflow (one matrix leg) on this machine: workspace, <c>GITHUB_*</c>/<c>RUNNER_*</c>
/// variables, the steps with their contexts, the runner protocol, masking, and the job's outputs.
/// The orchestrator (<c>Workflows/</c>) decides whether and when a job runs; the job runner only runs it.
/// </summary>
internal interface IWorkflowJobRunner
{
    /// <param name="cancel">Graceful cancellation (Ctrl-C, fail-fast, <c>cancel-in-progress</c>): steps are stopped, <c>always()</c>/<c>cancelled()</c> steps still run.</param>
    /// <param name="kill">Hard cancellation (a second Ctrl-C): stop everything now.</param>
    Task<WorkflowJobResult> RunAsync(WorkflowJobRequest request, CancellationToken cancel, CancellationToken kill);
}

/// <summary>One job (one matrix leg), resolved by the orchestrator.</summary>
internal sealed record WorkflowJobRequest
{
    /// <summary>The job as read (steps, env, defaults, outputs, services, container, ...).</summary>
    public required Job Job { get; init; }

    /// <summary>The workflow the job belongs to (its <c>env</c>, <c>defaults</c>, name, file). For a job of a called (reusable) workflow, the callee.</summary>
    public required Workflow Workflow { get; init; }

    /// <summary>The timeline record of the job, already added (not started) by the orchestrator; the runner starts and completes it.</summary>
    public required TimelineNode Node { get; init; }

    /// <summary>
    /// The run's job slot (<c>--parallel</c>) this job holds. The runner gives it back as soon as the job's
    /// processes are done (steps, post-job steps, leftovers killed): writing the job's records after that
    /// needs no slot, so the next job starts meanwhile. Null: the caller releases it.
    /// </summary>
    public JobSlots.Lease? Slot { get; init; }

    /// <summary>The event of the run.</summary>
    public required TriggeringEvent Event { get; init; }

    /// <summary><c>github.job</c> / <c>GITHUB_JOB</c>: the job's id (for a matrix leg, still the job id).</summary>
    public required string JobId { get; init; }

    /// <summary>The shown name: the evaluated <c>name:</c>, else the id, with matrix values for a leg (<c>build (ubuntu, 20)</c>).</summary>
    public required string DisplayName { get; init; }

    /// <summary>The <c>inputs</c> context (dispatch inputs, or a reusable workflow's inputs).</summary>
    public ObjectValue Inputs { get; init; } = ObjectValue.Empty;

    /// <summary>The <c>vars</c> context (<c>--var</c>).</summary>
    public ObjectValue Vars { get; init; } = ObjectValue.Empty;

    /// <summary>The <c>secrets</c> context, including <c>GITHUB_TOKEN</c> (the run's masked placeholder).</summary>
    public ObjectValue Secrets { get; init; } = ObjectValue.Empty;

    /// <summary>The <c>needs</c> context: <c>{ id: { result, outputs: { ... } } }</c> for the job's direct needs.</summary>
    public ObjectValue Needs { get; init; } = ObjectValue.Empty;

    /// <summary>The <c>matrix</c> context: this leg's values, or null when the job has no matrix.</summary>
    public ExpressionValue Matrix { get; init; } = ExpressionValue.Null;

    /// <summary>The <c>strategy</c> context: <c>fail-fast</c>, <c>job-index</c>, <c>job-total</c>, <c>max-parallel</c>.</summary>
    public ObjectValue Strategy { get; init; } = ObjectValue.Empty;

    /// <summary>The evaluated <c>timeout-minutes</c> (default 360).</summary>
    public double TimeoutMinutes { get; init; } = 360;

    /// <summary>The evaluated <c>environment</c> name, or null.</summary>
    public string? Environment { get; init; }
}

/// <summary>What a job ended with.</summary>
/// <param name="Result">Succeeded, Failed, Canceled (or Skipped when nothing ran).</param>
/// <param name="Outputs">The job's evaluated <c>outputs</c> (values that contained a secret are left out, with a warning, as GitHub does).</param>
internal sealed record WorkflowJobResult(RunResult Result, IReadOnlyDictionary<string, string> Outputs);
