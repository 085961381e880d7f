using Slipway.Core.Planning;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Runtime.Steps;

/// <summary>
/// Everything a <see cref="IStepHandler"/> may use for one step. Built by the job runner for each
/// step attempt; tests build one with fakes of the interfaces.
/// </summary>
internal sealed class StepContext
{
    /// <summary>The step as planned (raw inputs, env, display name, target).</summary>
    public required StepPlan Step { get; init; }

    /// <summary>The step's inputs, macro-expanded, case-insensitive, aliases resolved; defaults are the handler's.</summary>
    public required StepInputs Inputs { get; init; }

    /// <summary>The step's display name with macros expanded.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The job's folders (Pipeline.Workspace, s, a, b, TestResults, temp, tools, repository root).</summary>
    public required JobWorkspace Workspace { get; init; }

    /// <summary>Read and set variables, prepend PATH, expand <c>$(macros)</c>, register secrets.</summary>
    public required IStepVariables Variables { get; init; }

    /// <summary>The step log: every line is masked before it is written or published.</summary>
    public required IStepLogger Log { get; init; }

    /// <summary>
    /// The environment for child processes: the machine's environment, every non-secret variable
    /// mapped (upper case, '.' to '_'), the agent's system variables, PATH with the prepended entries,
    /// then the step's <c>env:</c> (macro-expanded; the only way a secret gets in). Case-sensitive names.
    /// </summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>Runs a child process whose output goes through logging commands, masking and the step log.</summary>
    public required IStepProcessRunner Processes { get; init; }

    /// <summary>Run-level facts and services shared by every job (artifact store, cache, test results...).</summary>
    public required RunContext Run { get; init; }

    /// <summary>Identity of the step for events (stage, job, step ids and display names).</summary>
    public required TimelineNode Node { get; init; }

    /// <summary>Azure <c>cancelTimeoutInMinutes</c> of the job: the grace period a canceled process gets.</summary>
    public TimeSpan CancelGracePeriod { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The job's service connections (from <c>task.setendpoint</c>), as the Node handler exposes them to a task.</summary>
    public IReadOnlyList<ServiceEndpoint> Endpoints { get; init; } = [];

    /// <summary>Which attempt this is (1 for the first, more with <c>retryCountOnTaskFailure</c>).</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Post-job steps registered by this step (Cache@2's save); the job runs them in reverse order at its end.</summary>
    public required IPostJobSteps PostJob { get; init; }
}

/// <summary>Where a step can add a step that runs when the job ends (the agent's "Post-job:" steps).</summary>
internal interface IPostJobSteps
{
    /// <summary>Adds a post-job step. <paramref name="condition"/> is an Azure condition such as <c>succeeded()</c> (the agent's default for post-job steps) or <c>always()</c>.</summary>
    void Add(string displayName, Func<StepContext, CancellationToken, Task<StepOutcome>> run, string condition = "succeeded()");
}
