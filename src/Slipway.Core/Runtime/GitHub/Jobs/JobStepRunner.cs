using System.Globalization;
using Slipway.Core.Execution.Output;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.GitHub.Contexts;
using Slipway.Core.Runtime.Jobs;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// Runs a step of the job under its own record and log file: the display name, the <c>if</c> (with
/// the job's status so far; skipped steps are recorded as such), then <see cref="StepExecutor"/>.
/// Main steps, <c>pre</c> and <c>post</c> parts of actions, and the job's "Set up job" all go through here.
/// </summary>
internal sealed class JobStepRunner(GitHubJobState job, StepExecutor executor, JobTokens tokens)
{
    private string? _logFolder;

    /// <summary>Runs a main step (its <c>if</c>, <c>run</c> or <c>uses</c>).</summary>
    public Task<StepEnd> RunMainAsync(WorkflowStep step) =>
        RunAsync(step, step.Id, step.If, null, null, isMain: true);

    /// <summary>
    /// Runs one entry of the job's <c>steps</c>: a regular step, a <c>background: true</c> step (started, not waited
    /// for), a <c>wait</c>, <c>wait-all</c> or <c>cancel</c> step, or a <c>parallel</c> group (its steps in the
    /// background, then a wait for all of them).
    /// </summary>
    public async Task RunStepAsync(WorkflowStep step)
    {
        if (step.Parallel is { } group)
        {
            foreach (var child in group)
            {
                StartBackground(child);
            }

            await RunControlAsync(step, [.. group.Select(c => c.Id)], waitAll: false).ConfigureAwait(false);
        }
        else if (step.Background == true)
        {
            StartBackground(step);
        }
        else if (step.Wait is { } wait)
        {
            await RunControlAsync(step, [.. wait.Select(w => w.Value)], waitAll: false).ConfigureAwait(false);
        }
        else if (step.WaitAll is not null) // "wait-all:" bare or with a value: a wait for every background step
        {
            await RunControlAsync(step, [], waitAll: true).ConfigureAwait(false);
        }
        else if (step.Cancel is { } cancel)
        {
            await RunCancelAsync(step, cancel.Value).ConfigureAwait(false);
        }
        else
        {
            await RunMainAsync(step).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the background steps still running when the job's steps are done (their results fail nothing) and waits for them.</summary>
    public async Task StopBackgroundAsync()
    {
        var all = job.Background.All;
        foreach (var running in all.Where(b => b.IsRunning))
        {
            running.Stop();
        }

        foreach (var background in all)
        {
            await background.Run.ConfigureAwait(false);
            background.Dispose();
        }
    }

    // wait / wait-all / the end of a parallel group: always runs (no "if"); fails when a waited step failed. The reader
    // names these steps as GitHub's parser does ("Wait", "Wait for all", "Cancel", "Parallel group") unless they have a name.
    private Task<StepEnd> RunControlAsync(WorkflowStep step, IReadOnlyList<string> ids, bool waitAll) =>
        RunAsync(step, step.Id, new BasicExpressionToken(step.Location, "always()"), null, (host, cancel) => WaitAsync(host, ids, waitAll, cancel), isMain: true);

    private Task<StepEnd> RunCancelAsync(WorkflowStep step, string id) =>
        RunAsync(step, step.Id, new BasicExpressionToken(step.Location, "always()"), null, (host, _) => CancelAsync(host, id), isMain: true);

    private async Task<StepOutcome> WaitAsync(StepHost host, IReadOnlyList<string> ids, bool waitAll, CancellationToken cancel)
    {
        var targets = new List<BackgroundStep>();
        foreach (var id in waitAll ? [.. job.Background.All.Select(b => b.Id)] : ids)
        {
            if (job.Background.Find(id) is not { } target)
            {
                host.Log.Error($"'{id}' is not a background step of this job (only steps with 'background: true' that started before can be waited for).",
                    code: JobRunnerDiagnosticCodes.BackgroundStepUnknown);
                return new StepOutcome(RunResult.Failed);
            }

            targets.Add(target);
        }

        var failed = new List<string>();
        job.Gate.Exit(); // the waited steps need the gate to finish
        try
        {
            foreach (var target in targets)
            {
                host.Log.Output($"Waiting for background step '{target.Id}'");
                var end = await target.Run.WaitAsync(cancel).ConfigureAwait(false);
                if (target.TakeFailure(end))
                {
                    failed.Add(target.Id);
                }
            }
        }
        finally
        {
            await job.Gate.EnterAsync().ConfigureAwait(false);
        }

        foreach (var id in failed)
        {
            host.Log.Error($"The background step '{id}' failed.", code: JobRunnerDiagnosticCodes.BackgroundStepFailed);
        }

        return failed.Count == 0 ? StepOutcome.Succeeded : new StepOutcome(RunResult.Failed);
    }

    private async Task<StepOutcome> CancelAsync(StepHost host, string id)
    {
        if (job.Background.Find(id) is not { } target)
        {
            host.Log.Error($"'{id}' is not a background step of this job (only steps with 'background: true' that started before can be canceled).",
                code: JobRunnerDiagnosticCodes.BackgroundStepUnknown);
            return new StepOutcome(RunResult.Failed);
        }

        if (!target.IsRunning)
        {
            host.Log.Output($"The background step '{id}' has already finished: nothing to cancel.");
            return StepOutcome.Succeeded;
        }

        host.Log.Output($"Canceling background step '{id}'");
        target.Stop();
        job.Gate.Exit();
        try
        {
            await target.Run.ConfigureAwait(false);
        }
        finally
        {
            await job.Gate.EnterAsync().ConfigureAwait(false);
        }

        return StepOutcome.Succeeded;
    }

    private void StartBackground(WorkflowStep step)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(tokens.KillToken);
        var run = Task.Run(() => RunAsync(step, step.Id, step.If, null, null, isMain: true, background: stop.Token));
        job.Background.Add(new BackgroundStep(step.Id, run, stop));
    }

    /// <summary>Runs a pre or post part of an action step under its own record (<c>Pre Run x</c>, <c>Post Run x</c>).</summary>
    public Task<StepEnd> RunPartAsync(WorkflowStep step, string name, string displayName, string condition, string stateKey, Func<StepHost, CancellationToken, Task<StepOutcome>> body) =>
        RunAsync(step, name, new BasicExpressionToken(step.Location, condition), displayName, body, isMain: false, stateKey);

    private async Task<StepEnd> RunAsync(
        WorkflowStep step, string name, BasicExpressionToken? condition, string? displayName, Func<StepHost, CancellationToken, Task<StepOutcome>>? body, bool isMain,
        string? stateKey = null, CancellationToken? background = null)
    {
        await job.Gate.EnterAsync().ConfigureAwait(false);
        try
        {
            return await RunGatedAsync(step, name, condition, displayName, body, isMain, stateKey, background).ConfigureAwait(false);
        }
        finally
        {
            job.Gate.Exit();
        }
    }

    private async Task<StepEnd> RunGatedAsync(
        WorkflowStep step, string name, BasicExpressionToken? condition, string? displayName, Func<StepHost, CancellationToken, Task<StepOutcome>>? body, bool isMain,
        string? stateKey, CancellationToken? background)
    {
        if (tokens.JobToken.IsCancellationRequested && !job.IsCanceled)
        {
            job.Cancel();
        }

        var order = ++job.StepCounter;
        var scope = StepScope.ForJob(job);
        var x = Executions.Create(job, scope, step, stateKey ?? step.Id, Silent(job.Node), job.Node, string.Empty, background is not null);
        StepExecutor.PrepareEnv(x);
        x.DisplayName = job.Run.Masker.Mask(displayName ?? DisplayName(step, x));
        x.Node = await job.Recorder.AddAsync(RecordKind.Step, name, x.DisplayName, job.Node, order).ConfigureAwait(false);
        if (tokens.KillToken.IsCancellationRequested)
        {
            return await SkipAsync(scope, step, x.Node, isMain, RunResult.Canceled, "The run was killed.").ConfigureAwait(false);
        }

        condition ??= new BasicExpressionToken(step.Location, "success()");
        if (x.EnvError is null)
        {
            var shouldRun = TokenEvaluator.EvaluateBoolean(condition, x.Context(secrets: false));
            if (!shouldRun.IsSuccess)
            {
                var e = shouldRun.Error;
                await job.Recorder.IssueAsync(x.Node, IssueType.Error, e.Message, e.Location.File, e.Location.Line, e.Location.Column, JobRunnerDiagnosticCodes.ExpressionFailed).ConfigureAwait(false);
                return await SkipAsync(scope, step, x.Node, isMain, RunResult.Failed, e.Message).ConfigureAwait(false);
            }

            if (!shouldRun.Value)
            {
                return await SkipAsync(scope, step, x.Node, isMain, RunResult.Skipped, $"Condition was false: {condition.Expression}").ConfigureAwait(false);
            }
        }

        return await RunStartedAsync(x, condition, body, isMain, background ?? default).ConfigureAwait(false);
    }

    private async Task<StepEnd> RunStartedAsync(
        StepExecution x, BasicExpressionToken condition, Func<StepHost, CancellationToken, Task<StepOutcome>>? body, bool isMain, CancellationToken stop = default)
    {
        var started = job.Run.Time.GetTimestamp();
        var relativeLog = Path.Combine("runs", job.Run.RunId.ToString(CultureInfo.InvariantCulture), "logs",
            job.Node.RecordId.ToString(CultureInfo.InvariantCulture), x.Node.Order.ToString("D3", CultureInfo.InvariantCulture) + "_" + x.Node.Name + ".log");
        var fullLog = Path.Combine(job.Run.StoreDirectory, relativeLog);
        var logFolder = Path.GetDirectoryName(fullLog)!;
        if (logFolder != _logFolder)
        {
            Directory.CreateDirectory(logFolder); // once per job: every step's log goes to the job's folder
            _logFolder = logFolder;
        }

        using var file = FileLogSink.Create(fullLog);
        var stepLog = new StepLog(job.Run.Masker, [file, new EventLogSink(x.Node, job.Run.Events)]);
        x.Log = new StepLogger(stepLog, job.Recorder, x.Node, job.Debug);
        await job.Recorder.StartAsync(x.Node, relativeLog).ConfigureAwait(false);

        var end = await executor.ExecuteAsync(x, condition, body, isMain, stop).ConfigureAwait(false);
        stepLog.Flush();
        foreach (var problem in stepLog.Problems)
        {
            x.Log.Record(IssueType.Warning, problem.Message, code: problem.Code);
        }

        await x.Log.DrainAsync().ConfigureAwait(false);
        await job.Recorder.CompleteAsync(x.Node, end.Result, job.Run.Time.GetElapsedTime(started), end.ExitCode, end.Message).ConfigureAwait(false);
        return end;
    }

    private async Task<StepEnd> SkipAsync(StepScope scope, WorkflowStep step, TimelineNode node, bool isMain, RunResult result, string reason)
    {
        var conclusion = result switch
        {
            RunResult.Failed => StepConclusion.Failure,
            RunResult.Canceled => StepConclusion.Cancelled,
            _ => StepConclusion.Skipped,
        };
        if (isMain)
        {
            scope.Steps.Set(step.Id, new StepRecord(new Dictionary<string, string>(), conclusion, conclusion));
        }

        job.Report(conclusion);
        await job.Recorder.CompleteAsync(node, result, TimeSpan.Zero, reason: reason).ConfigureAwait(false);
        return new StepEnd(conclusion, conclusion, null, reason);
    }

    /// <summary>The evaluated <c>name</c>, else GitHub's default: <c>Run &lt;first line of the script&gt;</c> or <c>Run &lt;uses&gt;</c>.</summary>
    public static string DisplayName(WorkflowStep step, StepExecution x)
    {
        var context = x.Context(secrets: true);
        if (step.Name is not null && TokenEvaluator.EvaluateString(step.Name, context) is { IsSuccess: true, Value: { Length: > 0 } name })
        {
            return name;
        }

        if (step.Uses is { } uses)
        {
            return "Run " + uses.Value;
        }

        return step.Run is not null && TokenEvaluator.EvaluateString(step.Run, context) is { IsSuccess: true } script
            ? "Run " + StepExecutor.FirstLine(script.Value)
            : step.Id;
    }

    /// <summary>The display name of a step as it would be shown now (for its pre part, "Pre " + this).</summary>
    public string DisplayNameOf(WorkflowStep step)
    {
        var x = Executions.Create(job, StepScope.ForJob(job), step, step.Id, Silent(job.Node), job.Node, string.Empty);
        StepExecutor.PrepareEnv(x);
        return DisplayName(step, x);
    }

    private StepLogger Silent(TimelineNode node) => new(new StepLog(job.Run.Masker, []), job.Recorder, node, job.Debug);
}

/// <summary>Creates <see cref="StepExecution"/>s (fresh file-command files each time, made when a process starts).</summary>
internal static class Executions
{
    public static StepExecution Create(GitHubJobState job, StepScope scope, WorkflowStep step, string stateKey, StepLogger log, TimelineNode node, string display, bool background = false) => new()
    {
        IsBackground = background,
        Job = job,
        Scope = scope,
        Step = step,
        Files = StepFiles.For(job.Folders.FileCommands),
        Identity = Identity(step, scope),
        StateKey = scope.StatePrefix + stateKey,
        Log = log,
        Node = node,
        DisplayName = display,
    };

    /// <summary><c>github.action*</c>: the step id; for <c>owner/repo@ref</c> also the repository and ref.</summary>
    private static StepIdentity Identity(WorkflowStep step, StepScope scope)
    {
        var uses = step.Uses?.Value;
        var at = uses?.LastIndexOf('@') ?? -1;
        if (uses is null || at < 0 || uses.StartsWith("docker://", StringComparison.Ordinal) || uses.StartsWith("./", StringComparison.Ordinal))
        {
            return new StepIdentity(step.Id, scope.ActionPath);
        }

        var path = uses[..at].Split('/');
        return new StepIdentity(step.Id, scope.ActionPath, path.Length >= 2 ? path[0] + "/" + path[1] : uses[..at], uses[(at + 1)..]);
    }
}
