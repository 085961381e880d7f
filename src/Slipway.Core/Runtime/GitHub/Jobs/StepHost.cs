using Slipway.Core.Execution.Output;
using Slipway.Core.Execution.Output.ProblemMatchers;
using Slipway.Core.Execution.Processes;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Actions;
using Slipway.Core.Runtime.GitHub.Containers;
using Slipway.Core.Runtime.GitHub.Contexts;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>The job runner's side of <see cref="IActionHost"/> for one step execution; also runs <c>run</c> steps' scripts.</summary>
internal sealed class StepHost(StepExecution execution, StepExecutor executor) : IActionHost
{
    /// <summary>GitHub's runner interrupts, then terminates after 7.5 s, then kills after 2.5 s more.</summary>
    private static readonly TimeSpan CancelGracePeriod = TimeSpan.FromSeconds(10);

    private EvaluationContext? _context;

    public StepExecution Execution => execution;

    public RunContext Run => execution.Job.Run;

    public WorkflowStep Step => execution.Step;

    public string DisplayName => execution.DisplayName;

    public IStepLogger Log => execution.Log;

    public EvaluationContext Context => _context ??= execution.Context(secrets: true);

    public GitHubJobFolders Folders => execution.Job.Folders;

    public IReadOnlyDictionary<string, string> Environment => execution.ProcessEnvironment();

    public IReadOnlyDictionary<string, string> State =>
        execution.Job.States.TryGetValue(execution.StateKey, out var state) ? state : new Dictionary<string, string>();

    public Evaluated<ExpressionValue> Evaluate(TemplateToken? token) => TokenEvaluator.Evaluate(token, Context);

    public async Task<ProcessResult> RunProcessAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancel)
    {
        var job = execution.Job;
        var log = execution.Log;
        var matchers = new ProblemMatcherScanner(job.Matchers, job.Folders.Workspace);
        var output = new GitHubStepOutput(log.Log, job.Run.Masker, execution.Commands, Apply, log.IsDebugEnabled, matchers);
        var spec = new ProcessSpec
        {
            FileName = fileName,
            Arguments = arguments,
            WorkingDirectory = workingDirectory,
            Environment = environment,
            CancelGracePeriod = CancelGracePeriod,
            TrackingId = job.Processes.TrackingId,

            // As on the runner, what a step leaves running in the background lives until the job ends.
            KeepBackgroundProcesses = true,

            // The runner handles a step's stdout and stderr lines with one handler: one pipe serves both.
            MergeStandardError = true,
        };
        // The step's process runs without the job's gate: background steps' bookkeeping may go on meanwhile.
        var result = await job.Gate.OutsideAsync(() => new ProcessRunner(job.Run.Time).RunAsync(spec, output.OnLineAsync, cancel)).ConfigureAwait(false);
        if (result.ProcessGroupId is { } group)
        {
            job.Processes.AddGroup(group);
        }

        foreach (var issue in output.Issues)
        {
            log.Record(issue.Severity == CommandIssueSeverity.Error ? IssueType.Error : IssueType.Warning, issue.Message, code: issue.Code);
        }

        execution.Changes.FailsStep |= output.FailsStep;
        if (result.StartError is { } error)
        {
            log.Error(error, code: ExecutionDiagnosticCodes.ProcessNotStarted);
        }

        return result;
    }

    public string? ContainerNetwork => execution.Job.Containers is { NetworkCreated: true } containers ? containers.Network : null;

    public ContainerProcess? InJobContainer(string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment) =>
        execution.Job.Containers?.Job is { Id: not null } ? ContainerExec.Wrap(execution.Job, program, arguments, workingDirectory, environment) : null;

    public void SetOutput(string name, string value) => execution.Changes.Outputs[name] = value;

    public void AddProblemMatchers(IReadOnlyList<ProblemMatcher> matchers) => execution.Job.Matchers.Add(matchers);

    public void AddPostStep(string displayName, ActionPhase post) =>
        execution.Job.AddPost(new PostStep(displayName, execution.StateKey, execution.Step, post));

    public Task<CompositeStepsResult> RunStepsAsync(IReadOnlyList<WorkflowStep> steps, ObjectValue inputs, string actionPath, CancellationToken cancel) =>
        executor.RunCompositeAsync(execution, steps, inputs, actionPath, cancel);

    /// <summary>Workflow commands: job changes are collected; annotations become issues of the step (GHA-CMD-2).</summary>
    private void Apply(GitHubCommand command)
    {
        execution.Changes.Apply(command);
        if (command is GitHubAnnotation a)
        {
            var message = a.Title is { Length: > 0 } title ? $"{title}: {a.Message}" : a.Message;
            execution.Log.Record(a.Level switch
            {
                GitHubAnnotationLevel.Error => IssueType.Error,
                GitHubAnnotationLevel.Warning => IssueType.Warning,
                _ => IssueType.Notice,
            }, message, a.File, a.Line, a.Column, a.Code);
        }
    }
}
