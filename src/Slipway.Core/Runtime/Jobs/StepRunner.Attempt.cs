using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Jobs;

internal sealed partial class StepRunner
{
    private async Task<StepOutcome> RunAttemptAsync(
        StepPlan step, TimelineNode node, string display, StepLogger logger, JobTokens tokens, int attempt,
        Func<StepContext, CancellationToken, Task<StepOutcome>>? run)
    {
        run ??= job.Handlers.Find(step) is { } handler ? handler.RunAsync : null;
        if (run is null)
        {
            return StepOutcome.Failed(
                $"The task '{step.Task}' is not known to Slipway. Built-in tasks are listed in the README; a task package " +
                "(a folder with task.json) can be given with --tasks-dir DIR or put under .slipway/tasks/.");
        }

        var applier = new CommandApplier(job, step, node, logger);
        var environment = StepEnvironment.Build(job, step);
        var jobToken = tokens.StepToken;
        using var stepTimeout = step.TimeoutInMinutes is > 0 and var minutes
            ? new CancellationTokenSource(TimeSpan.FromMinutes(minutes), job.Run.Time)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(jobToken, stepTimeout.Token);
        var context = new StepContext
        {
            Step = step,
            Inputs = ExpandInputs(step),
            DisplayName = display,
            Workspace = job.Workspace,
            Variables = new StepVariables(job, step.Name, logger),
            Log = logger,
            Environment = environment,
            Processes = new StepProcesses(job, logger, applier, environment, job.CancelGracePeriod),
            Run = job.Run,
            Node = node,
            CancelGracePeriod = job.CancelGracePeriod,
            Attempt = attempt,
            PostJob = new PostJobRegistration(job, step),
            Endpoints = job.Endpoints.All,
        };

        var outcome = await InvokeAsync(run, context, linked.Token).ConfigureAwait(false);
        await applier.WhenDoneAsync().ConfigureAwait(false);
        return Merge(outcome, applier, stepTimeout.IsCancellationRequested && !jobToken.IsCancellationRequested, jobToken.IsCancellationRequested, step);
    }

    /// <summary>The boundary to a handler: a cancellation it throws is a canceled step; any other
    /// exception is a bug in that handler, reported as the step's failure rather than ending the run.</summary>
    private static async Task<StepOutcome> InvokeAsync(Func<StepContext, CancellationToken, Task<StepOutcome>> run, StepContext context, CancellationToken token)
    {
        try
        {
            return await run(context, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return StepOutcome.Canceled;
        }
#pragma warning disable CA1031 // The handler boundary: a handler's bug fails its step, with the cause, not the whole run.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return StepOutcome.Failed($"The step handler for '{context.Step.Task}' failed unexpectedly: {e.GetType().Name}: {e.Message}");
        }
    }

    private static StepOutcome Merge(StepOutcome outcome, CommandApplier applier, bool timedOut, bool canceled, StepPlan step)
    {
        if (timedOut)
        {
            return StepOutcome.Failed($"The task has timed out after {step.TimeoutInMinutes} minute(s).", outcome.ExitCode);
        }

        if (canceled)
        {
            return outcome with { Result = RunResult.Canceled, Message = outcome.Message ?? "The step was canceled." };
        }

        var result = outcome.Result;
        if (applier.CompleteResult is { } completed)
        {
            result = ToRunResult(StepResults(result, completed));
        }

        if (applier.FailsStep && result != RunResult.Canceled)
        {
            result = RunResult.Failed;
        }

        return outcome with { Result = result, Message = outcome.Message ?? applier.CompleteMessage };
    }

    private static Execution.Output.AzureTaskResult StepResults(RunResult current, Execution.Output.AzureTaskResult completed) =>
        Execution.Output.StepResults.Merge(
            current switch
            {
                RunResult.Succeeded => Execution.Output.AzureTaskResult.Succeeded,
                RunResult.SucceededWithIssues => Execution.Output.AzureTaskResult.SucceededWithIssues,
                RunResult.Failed => Execution.Output.AzureTaskResult.Failed,
                RunResult.Canceled => Execution.Output.AzureTaskResult.Canceled,
                _ => Execution.Output.AzureTaskResult.Skipped,
            },
            completed);

    private static RunResult ToRunResult(Execution.Output.AzureTaskResult result) => result switch
    {
        Execution.Output.AzureTaskResult.Succeeded => RunResult.Succeeded,
        Execution.Output.AzureTaskResult.SucceededWithIssues => RunResult.SucceededWithIssues,
        Execution.Output.AzureTaskResult.Canceled => RunResult.Canceled,
        Execution.Output.AzureTaskResult.Skipped => RunResult.Skipped,
        _ => RunResult.Failed,
    };

    /// <summary>Inputs with macros expanded and the catalog's aliases resolved (AZP-TASK-3; defaults are the handler's).</summary>
    private StepInputs ExpandInputs(StepPlan step)
    {
        var definition = StepHandlerRegistry.TryMajor(step.Task.Version, out var major)
            ? TaskCatalog.BuiltIn.Find(step.Task.Name, major, out _)
            : null;
        return new StepInputs(step.Inputs.Select(i => KeyValuePair.Create(i.Name, job.Variables.Expand(i.Value))), definition);
    }

    private sealed class PostJobRegistration(JobExecution job, StepPlan owner) : IPostJobSteps
    {
        public void Add(string displayName, Func<StepContext, CancellationToken, Task<StepOutcome>> run, string condition = "succeeded()") =>
            job.AddPostJob(new PostJobStep(displayName, run, condition, owner));
    }
}
