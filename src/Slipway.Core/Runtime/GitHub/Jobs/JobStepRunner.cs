using System.Globalization;
using Slipway.Core.Execution.Output;
using Slipway.Core.Expressions;
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
internal sealed partial class JobStepRunner(GitHubJobState job, StepExecutor executor, JobTokens tokens)
{

    /// <summary>Runs a main step (its <c>if</c>, <c>run</c> or <c>uses</c>).</summary>
    public Task<StepEnd> RunMainAsync(WorkflowStep step) =>
        RunAsync(step, step.Id, step.If, null, null, isMain: true);

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
            var shouldRun = TokenEvaluator.EvaluateBoolean(condition, x.ConditionContext(condition));
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
        var relativeLog = job.Run.StepLogPath(job.Node.RecordId, x.Node.Order.ToString("D3", CultureInfo.InvariantCulture) + "_" + x.Node.Name + ".log");
        var fullLog = Path.Combine(job.Run.StoreDirectory, relativeLog);

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
        EvaluationContext? built = null;
        EvaluationContext Context() => built ??= x.Context(secrets: true);
        if (step.Name is not null && TokenEvaluator.EvaluateString(step.Name, Context) is { IsSuccess: true, Value: { Length: > 0 } name })
        {
            return name;
        }

        if (step.Uses is { } uses)
        {
            return "Run " + uses.Value;
        }

        return step.Run is not null && TokenEvaluator.EvaluateString(step.Run, Context) is { IsSuccess: true } script
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
        Files = StepFiles.For(job.FileCommands),
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
