using System.Collections.Concurrent;
using System.Globalization;
using Slipway.Core.Execution.Processes;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Masking;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.GitHub.Actions;
using Slipway.Core.Runtime.Jobs;
using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// Runs one GitHub job (one matrix leg) on this machine: its folders, contexts and variables, "Set up
/// job", the actions' pre parts, the steps, the post parts in reverse order, the job timeout and
/// cancellation, and the job's outputs. Steps' processes that outlive the job are killed.
/// </summary>
internal sealed partial class WorkflowJobRunner(RunContext run, RunRecorder recorder, IActionStepRunner actions) : IWorkflowJobRunner
{
    /// <summary>GitHub's default <c>cancel-timeout-minutes</c>: how long <c>always()</c> steps may run after a cancel.</summary>
    private static readonly TimeSpan CancelTimeout = TimeSpan.FromMinutes(5);

    private int _jobNumber;

    // The kept temp files of each run slot, by the slot's temp folder.
    private readonly ConcurrentDictionary<string, SlotTempFiles> _slotFiles = new(StringComparer.Ordinal);

    public async Task<WorkflowJobResult> RunAsync(WorkflowJobRequest request, CancellationToken cancel, CancellationToken kill)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = run.Time.GetTimestamp();
        using var job = CreateJob(request);
        await recorder.StartAsync(request.Node, null).ConfigureAwait(false);
        var timeout = request.TimeoutMinutes > 0 ? TimeSpan.FromMinutes(request.TimeoutMinutes) : (TimeSpan?)null;
        using var tokens = new JobTokens(timeout, CancelTimeout, run.Time, cancel, kill);
        using var killAll = kill.Register(job.Processes.KillAll);
        var steps = new JobStepRunner(job, new StepExecutor(job, tokens), tokens);
        try
        {
            if (await SetUpAsync(job, steps).ConfigureAwait(false) is { } pre && await InitializeContainersAsync(job, steps).ConfigureAwait(false))
            {
                foreach (var (step, phase, display) in pre)
                {
                    await steps.RunPartAsync(step, "pre_" + step.Id, "Pre " + display, phase.Condition, step.Id, (h, c) => phase.Run(h, c)).ConfigureAwait(false);
                }

                foreach (var step in request.Job.Steps)
                {
                    await steps.RunStepAsync(step).ConfigureAwait(false);
                }
            }

            await steps.StopBackgroundAsync().ConfigureAwait(false);

            foreach (var post in job.Posts.Reverse())
            {
                await steps.RunPartAsync(post.Step, "post_" + post.Step.Id, post.DisplayName, post.Phase.Condition, post.StepId, (h, c) => post.Phase.Run(h, c)).ConfigureAwait(false);
            }

            await StopContainersAsync(job, steps).ConfigureAwait(false);
        }
        finally
        {
            await RemoveLeftContainersAsync(job).ConfigureAwait(false);
            job.Processes.EndJob(() =>
            {
                job.FileCommands.ReturnToSlot();
                run.Folders.ReleaseTemp(job.Folders.Temp, TempFolders, job.SlotFiles?.Kept);
                request.Slot?.Dispose();
            });
        }

        var outputs = await JobOutputs.EvaluateAsync(job).ConfigureAwait(false);
        var result = await FinishAsync(job, tokens, cancel).ConfigureAwait(false);
        await recorder.CompleteAsync(request.Node, result, run.Time.GetElapsedTime(started),
            reason: result == RunResult.Canceled ? (tokens.TimedOut ? "The job timed out." : "The run was canceled.") : null).ConfigureAwait(false);
        return new WorkflowJobResult(result, outputs);
    }

    /// <summary>The runner's folders below <c>_temp</c>, made with it and kept when it is emptied between jobs.</summary>
    private static readonly string[] TempFolders = ["_github_workflow", "_runner_file_commands"];

    private GitHubJobState CreateJob(WorkflowJobRequest request)
    {
        var number = Interlocked.Increment(ref _jobNumber);
        var root = Path.Combine(run.Folders.Work, "gh" + number.ToString(CultureInfo.InvariantCulture));
        var repositoryName = request.Event.Repository.Split('/')[^1];
        // The job folder first, so each folder below it is one mkdir (CreateDirectory walks up from a missing
        // parent); _actions only for a job that uses actions (the runner makes it when it downloads one).
        var usesActions = request.Job.Steps.Any(s => s.Uses is not null);
        var workspaceParent = Path.Combine(root, repositoryName);
        foreach (var folder in new[] { root, workspaceParent, Path.Combine(workspaceParent, repositoryName), usesActions ? Path.Combine(root, "_actions") : null })
        {
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
        }

        // RUNNER_TEMP: the slot's, as a runner's _work/_temp (emptied after each job); a job run without a slot has its own.
        var temp = run.Folders.TempFor(request.Slot, root, TempFolders);
        var folders = new GitHubJobFolders
        {
            Root = root,
            Workspace = Path.Combine(workspaceParent, repositoryName),
            Temp = temp,
            ToolCache = run.Folders.Tools,
            Actions = Path.Combine(root, "_actions"),
            EventPath = Path.Combine(temp, "_github_workflow", "event.json"),
            FileCommands = Path.Combine(temp, "_runner_file_commands"),
        };

        var slotFiles = request.Slot is null ? null : _slotFiles.GetOrAdd(temp, _ => new SlotTempFiles(folders.FileCommands, folders.EventPath));
        var token = Token(request);
        var debug = run.Options.Debug || IsTrue(request.Secrets, "ACTIONS_STEP_DEBUG") || IsTrue(request.Vars, "ACTIONS_STEP_DEBUG");
        return new GitHubJobState
        {
            Run = run,
            Recorder = recorder,
            Request = request,
            Folders = folders,
            FileCommands = new JobFileCommands(folders.FileCommands, slotFiles),
            SlotFiles = slotFiles,
            Actions = actions,
            GitHub = GitHubContexts.GitHub(request, run, folders, token),
            Secrets = request.Secrets.With([KeyValuePair.Create("GITHUB_TOKEN", ExpressionValue.From(token))]),
            Runner = GitHubContexts.Runner(folders, debug),
            Debug = debug,
        };
    }

    /// <summary><c>secrets.GITHUB_TOKEN</c> / <c>github.token</c>: the run's placeholder (made here when the orchestrator gave none), always masked.</summary>
    private string Token(WorkflowJobRequest request)
    {
        var token = request.Secrets["GITHUB_TOKEN"] is StringValue { Value.Length: > 0 } given
            ? given.Value
            : "ghs_" + PlaceholderTokens.Hex(18);
        run.Masker.AddValue(token);
        foreach (var (_, value) in request.Secrets.Entries)
        {
            if (value is StringValue s)
            {
                run.Masker.AddValue(s.Value);
            }
        }

        return token;
    }

    private async Task<RunResult> FinishAsync(GitHubJobState job, JobTokens tokens, CancellationToken cancel)
    {
        if (tokens.TimedOut)
        {
            var minutes = job.Request.TimeoutMinutes.ToString(CultureInfo.InvariantCulture);
            await recorder.IssueAsync(job.Node, IssueType.Error,
                $"The job running on runner {job.Runner["name"].ToDisplayString(Expressions.Values.ExpressionDialect.GitHubActions)} has exceeded the maximum execution time of {minutes} minutes.",
                code: JobRunnerDiagnosticCodes.JobTimedOut).ConfigureAwait(false);
            return RunResult.Canceled;
        }

        if (cancel.IsCancellationRequested || job.IsCanceled)
        {
            return RunResult.Canceled;
        }

        return job.Status == GitHubJobStatus.Failure ? RunResult.Failed : RunResult.Succeeded;
    }

    private static bool IsTrue(ObjectValue values, string name) =>
        values[name] is StringValue s && string.Equals(s.Value, "true", StringComparison.OrdinalIgnoreCase);
}
