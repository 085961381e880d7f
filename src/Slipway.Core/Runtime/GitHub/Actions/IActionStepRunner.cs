using Slipway.Core.Execution.Processes;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runtime.GitHub.Contexts;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Actions;

/// <summary>
/// Runs the <c>uses:</c> steps of a job (JavaScript, Docker and composite actions, <c>docker://</c>).
/// Plugged in through <see cref="RuntimeComposition.CreateActionStepRunner"/>; one instance per run,
/// shared by every job, so it keeps no per-job state of its own (the host has it).
/// <para>
/// The job runner, not the action runner, owns: the step's <c>if</c>, <c>continue-on-error</c>,
/// <c>timeout-minutes</c> (the token fires), the step record, log file and display name
/// (<c>Run owner/repo@v1</c>), the per-step file-command files and applying them when
/// <see cref="RunAsync"/> returns, masking, and the <c>steps</c> context.
/// </para>
/// </summary>
internal interface IActionStepRunner
{
    /// <summary>
    /// Called once per <c>uses:</c> step, in order, when the job starts ("Set up job"), before any step
    /// runs: resolve/download the action and say whether it has a <c>pre</c> step. Null: no pre step.
    /// A failure here is returned as <see cref="ActionPreparation.Error"/> and fails the job's setup.
    /// </summary>
    Task<ActionPreparation> PrepareAsync(IActionHost host, WorkflowStep step, CancellationToken cancel);

    /// <summary>Runs the step's main part. Expected failures are outcomes (<see cref="StepOutcome.Failed"/>); on cancel return <see cref="StepOutcome.Canceled"/>.</summary>
    Task<StepOutcome> RunAsync(IActionHost host, WorkflowStep step, CancellationToken cancel);

    /// <summary>
    /// Whether a Docker-compatible engine answers, for a job with <c>container:</c> or <c>services:</c>
    /// (asked once, at "Set up job").
    /// </summary>
    Task<bool> IsContainerEngineAvailableAsync(IActionHost host, CancellationToken cancel);
}

/// <summary>What <see cref="IActionStepRunner.PrepareAsync"/> found.</summary>
/// <param name="Pre">The action's <c>pre</c> step, run before the job's first step under its own record (<c>Pre Run owner/repo@v1</c>).</param>
/// <param name="Error">Why the action cannot be used (not found, bad <c>action.yml</c>): the job fails at setup with this message.</param>
internal sealed record ActionPreparation(ActionPhase? Pre = null, string? Error = null)
{
    public static ActionPreparation None { get; } = new();
}

/// <summary>A <c>pre</c> or <c>post</c> part of an action.</summary>
/// <param name="Condition">The <c>pre-if</c>/<c>post-if</c> expression (without <c>${{ }}</c>); GitHub's default is <c>always()</c>, and one without a
/// status function is wrapped as <c>success() &amp;&amp; (...)</c> by the caller. Evaluated with the job's status at the time the part runs.</param>
/// <param name="Run">Runs the part with a host for that part's own step (its own file-command files; the same <c>STATE_*</c>).</param>
internal sealed record ActionPhase(string Condition, Func<IActionHost, CancellationToken, Task<StepOutcome>> Run);

/// <summary>
/// What the job runner gives an action runner for one step execution (main, pre, post, or a step of
/// a composite action). Every line written through it is masked; every process it starts is
/// tracked and killed at job end.
/// </summary>
internal interface IActionHost
{
    /// <summary>The run: options (<c>--debug</c>, repository root), services (artifacts, cache), the masker, time.</summary>
    RunContext Run { get; }

    /// <summary>The step being run (for a composite action's nested step: that nested step).</summary>
    WorkflowStep Step { get; }

    /// <summary>The step's shown name (<c>Run actions/checkout@v4</c>); a post part is usually <c>"Post " + DisplayName</c>.</summary>
    string DisplayName { get; }

    /// <summary>The step's log (masked): <c>##[group]</c>, warnings and errors (recorded as issues of the step).</summary>
    IStepLogger Log { get; }

    /// <summary>
    /// The step's contexts: <c>github</c>, <c>env</c>, <c>vars</c>, <c>secrets</c>, <c>matrix</c>, <c>strategy</c>,
    /// <c>needs</c>, <c>job</c>, <c>runner</c>, <c>steps</c>, <c>inputs</c>, with status functions and <c>hashFiles</c>.
    /// Inside a composite action, <c>inputs</c> and <c>steps</c> are the action's own.
    /// </summary>
    EvaluationContext Context { get; }

    /// <summary>Evaluates a token of the step (<c>with</c>, an <c>action.yml</c> default, ...) against <see cref="Context"/>.</summary>
    Evaluated<ExpressionValue> Evaluate(TemplateToken? token);

    /// <summary>The job's folders (<c>GITHUB_WORKSPACE</c>, <c>RUNNER_TEMP</c>, <c>RUNNER_TOOL_CACHE</c>, the action folder).</summary>
    GitHubJobFolders Folders { get; }

    /// <summary>
    /// The environment for the step's processes: the base environment, <c>PATH</c> with the <c>GITHUB_PATH</c>
    /// additions, <c>GITHUB_ENV</c> values, workflow/job/step <c>env</c>, the <c>GITHUB_*</c>/<c>RUNNER_*</c> variables
    /// (including this step's file-command files), <c>CI=true</c>, and <c>STATE_*</c> of this action. Copy it and add
    /// <c>INPUT_*</c>, <c>GITHUB_ACTION_PATH</c>, ... before <see cref="RunProcessAsync"/>.
    /// </summary>
    IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>
    /// Starts a process in its own process group and waits for it: stdout and stderr go through the
    /// workflow-command processor (<c>::error::</c>, <c>::add-mask::</c>, ...) and the masker into the step log.
    /// Cancel: interrupt, then terminate, then kill. Command files are applied when the step ends.
    /// A program that cannot be started is a result (<see cref="ProcessResult.StartError"/>), already logged.
    /// </summary>
    Task<ProcessResult> RunProcessAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancel);

    /// <summary>The job's container network (<c>job.container.network</c>) when the job has a job container or services: Docker actions join it. Null otherwise.</summary>
    string? ContainerNetwork { get; }

    /// <summary>
    /// When the job runs in a job container: <paramref name="program"/> (a container path) as <c>docker exec</c> in it, with the
    /// arguments, working directory and variables' host paths translated. Null when the job has no job container.
    /// </summary>
    Containers.ContainerProcess? InJobContainer(string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment);

    /// <summary>Sets <c>steps.&lt;id&gt;.outputs.&lt;name&gt;</c> of this step (a composite action's <c>outputs</c>).</summary>
    void SetOutput(string name, string value);

    /// <summary>Registers problem matchers for this step's later output and the job's later steps (as <c>::add-matcher::</c> does).</summary>
    void AddProblemMatchers(IReadOnlyList<Execution.Output.ProblemMatchers.ProblemMatcher> matchers);

    /// <summary>What this action saved with <c>GITHUB_STATE</c>/<c>save-state</c> in an earlier part (also in <see cref="Environment"/> as <c>STATE_&lt;name&gt;</c>).</summary>
    IReadOnlyDictionary<string, string> State { get; }

    /// <summary>Registers a <c>post</c> part, shown as <paramref name="displayName"/>; post parts run at job end in reverse order of registration.</summary>
    void AddPostStep(string displayName, ActionPhase post);

    /// <summary>
    /// Runs a composite action's steps in this step's log: each with its own <c>if</c>, <c>env</c>,
    /// file-command files and <c>continue-on-error</c>, against a <c>steps</c> context of their own and the
    /// given <c>inputs</c>; <c>GITHUB_ACTION_PATH</c> is <paramref name="actionPath"/>. Returns that
    /// <c>steps</c> context (to evaluate the action's <c>outputs</c>) and the combined result.
    /// </summary>
    Task<CompositeStepsResult> RunStepsAsync(IReadOnlyList<WorkflowStep> steps, ObjectValue inputs, string actionPath, CancellationToken cancel);
}

/// <summary>What <see cref="IActionHost.RunStepsAsync"/> returns.</summary>
/// <param name="Outcome">Failed when a nested step failed (without <c>continue-on-error</c>), Canceled when canceled.</param>
/// <param name="Steps">The nested steps' <c>steps</c> context: <c>{ id: { outputs, outcome, conclusion } }</c>.</param>
internal sealed record CompositeStepsResult(StepOutcome Outcome, ObjectValue Steps);

/// <summary>The folders of one job (absolute, existing when a step starts).</summary>
internal sealed record GitHubJobFolders
{
    /// <summary>The job's root folder under the run's work folder.</summary>
    public required string Root { get; init; }

    /// <summary><c>GITHUB_WORKSPACE</c>: where the repository is checked out (empty until a checkout step runs).</summary>
    public required string Workspace { get; init; }

    /// <summary><c>RUNNER_TEMP</c>: empty when the job starts, emptied when it ends.</summary>
    public required string Temp { get; init; }

    /// <summary><c>RUNNER_TOOL_CACHE</c>: shared by every job on this machine.</summary>
    public required string ToolCache { get; init; }

    /// <summary>Where this job's actions are downloaded (<c>_actions/owner/repo/ref</c>).</summary>
    public required string Actions { get; init; }

    /// <summary><c>GITHUB_EVENT_PATH</c>: the event payload as JSON.</summary>
    public required string EventPath { get; init; }

    /// <summary>Where the per-step file-command files are created (<c>_runner_file_commands</c>).</summary>
    public required string FileCommands { get; init; }
}
