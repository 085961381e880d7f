using Slipway.Core.Execution.Output.ProblemMatchers;
using Slipway.Core.Execution.Processes;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.GitHub.Actions;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>The job's status as the <c>job.status</c> context and the status functions see it.</summary>
internal enum GitHubJobStatus
{
    Success,
    Failure,
    Cancelled,
}

/// <summary>
/// The mutable state of one running GitHub job: the environment that <c>GITHUB_ENV</c> changes, the
/// <c>GITHUB_PATH</c> additions, the job's <c>steps</c> context, saved action state, post steps,
/// status and the processes to clean up. Steps of a job run one after another, except <c>background: true</c> steps
/// (<see cref="BackgroundSteps"/>), whose changes to this state are serialized by <see cref="Gate"/>.
/// </summary>
internal sealed class GitHubJobState : IDisposable
{
    private readonly List<PostStep> _posts = [];

    public required RunContext Run { get; init; }

    public required RunRecorder Recorder { get; init; }

    public required WorkflowJobRequest Request { get; init; }

    public required GitHubJobFolders Folders { get; init; }

    /// <summary>Where the steps' file-command files come from (a run slot's kept sets, or new ones).</summary>
    public required JobFileCommands FileCommands { get; init; }

    /// <summary>The run slot's kept temp files (null for a job without a slot: its temp folder is its own).</summary>
    public SlotTempFiles? SlotFiles { get; init; }

    public required IActionStepRunner Actions { get; init; }

    /// <summary>The job node (the request's).</summary>
    public TimelineNode Node => Request.Node;

    /// <summary>The <c>env</c> context shared by the job's steps: workflow <c>env</c>, job <c>env</c>, then what <c>GITHUB_ENV</c> set (later wins).</summary>
    public Dictionary<string, string> Env { get; } = new(StringComparer.Ordinal);

    /// <summary>Entries <c>GITHUB_PATH</c> added, oldest first (the newest is at the front of PATH).</summary>
    public List<string> PrependPath { get; } = [];

    /// <summary>The job's <c>steps</c> context.</summary>
    public StepsContext Steps { get; } = new();

    /// <summary>What each action step saved (<c>GITHUB_STATE</c>), by step id: <c>STATE_*</c> of its pre/main/post.</summary>
    public Dictionary<string, Dictionary<string, string>> States { get; } = new(StringComparer.Ordinal);

    /// <summary>The evaluated job <c>defaults.run</c> (or the workflow's when the job has none, GHA-STEP-5).</summary>
    public RunDefaults Defaults { get; set; } = RunDefaults.None;

    /// <summary>The <c>github</c> context without the per-step fields.</summary>
    public required Expressions.Values.ObjectValue GitHub { get; init; }

    /// <summary>The <c>secrets</c> context: the request's, with <c>GITHUB_TOKEN</c> always present.</summary>
    public required Expressions.Values.ObjectValue Secrets { get; init; }

    /// <summary>The <c>runner</c> context.</summary>
    public required Expressions.Values.ObjectValue Runner { get; init; }

    public GitHubJobStatus Status { get; private set; } = GitHubJobStatus.Success;

    /// <summary>Set when the job was canceled (Ctrl-C, fail-fast, timeout): <c>cancelled()</c> is true from then on.</summary>
    public bool IsCanceled { get; private set; }

    public bool Debug { get; init; }

    /// <summary>The job's network, job container and services once "Initialize containers" started creating them.</summary>
    public Containers.JobContainers? Containers { get; set; }

    public int StepCounter { get; set; }

    /// <summary>The job's processes: their tracking id and the steps' process groups, ended with the job.</summary>
    public JobProcesses Processes { get; } = new();

    /// <summary>The problem matchers steps registered (<c>::add-matcher::</c>); later steps' output is scanned with them.</summary>
    public ProblemMatcherSet Matchers { get; } = new();

    /// <summary>Held by a step while it changes the job's state (<see cref="JobGate"/>).</summary>
    public JobGate Gate { get; } = new();

    /// <summary>The job's <c>background: true</c> steps (GHA parallel steps).</summary>
    public BackgroundSteps Background { get; } = new();

    public IReadOnlyList<PostStep> Posts => _posts;

    public void AddPost(PostStep post) => _posts.Add(post);

    /// <summary>A step's conclusion (after <c>continue-on-error</c>) updates the job status, as the runner does.</summary>
    public void Report(StepConclusion conclusion)
    {
        if (conclusion == StepConclusion.Failure && Status == GitHubJobStatus.Success)
        {
            Status = GitHubJobStatus.Failure;
        }
    }

    public void Cancel()
    {
        IsCanceled = true;
        Status = GitHubJobStatus.Cancelled;
    }

    public void Dispose() => Gate.Dispose();
}

/// <summary>A post part of an action, run at job end (in reverse order of registration).</summary>
internal sealed record PostStep(string DisplayName, string StepId, Pipelines.GitHub.Model.WorkflowStep Step, ActionPhase Phase);

/// <summary>The job's <c>defaults.run</c>.</summary>
internal sealed record RunDefaults(string? Shell, string? WorkingDirectory)
{
    public static RunDefaults None { get; } = new(null, null);
}
