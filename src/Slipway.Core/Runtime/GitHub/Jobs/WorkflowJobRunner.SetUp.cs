using System.Runtime.CompilerServices;
using System.Text.Json;
using Slipway.Core.Execution.Output;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Actions;
using Slipway.Core.Runtime.GitHub.Contexts;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Jobs;

internal sealed partial class WorkflowJobRunner
{

    // The event payload as written to every job's event.json, serialized (and encoded) once per event.
    private static readonly ConditionalWeakTable<System.Text.Json.Nodes.JsonObject, byte[]> PayloadJson = new();

    /// <summary>
    /// "Set up job": the event file, workflow and job <c>env</c>, <c>defaults.run</c> (GHA-STEP-5), and each
    /// <c>uses:</c> action prepared. Returns the actions' pre parts, or null when the setup failed.
    /// </summary>
    private async Task<IReadOnlyList<(WorkflowStep Step, ActionPhase Phase, string Display)>?> SetUpAsync(GitHubJobState job, JobStepRunner steps)
    {
        var pre = new List<(WorkflowStep, ActionPhase, string)>();
        var setup = new WorkflowStep { Id = "__setup", Location = job.Request.Job.Location };
        async Task<StepOutcome> Body(StepHost host, CancellationToken cancel)
        {
            var log = host.Log;
            log.Output($"Runner name: '{job.Runner["name"].ToDisplayString(ExpressionDialect.GitHubActions)}'");
            log.Output($"Operating System: {job.Runner["os"].ToDisplayString(ExpressionDialect.GitHubActions)} {job.Runner["arch"].ToDisplayString(ExpressionDialect.GitHubActions)}");
            log.Output("Secret source: Actions");
            log.Output("Prepare workflow directory");
            var payload = job.Request.Event.Payload;
            var json = PayloadJson.GetValue(payload, Utf8Json);
            if (job.SlotFiles is { } slotFiles)
            {
                slotFiles.WriteEvent(payload, json); // kept from the slot's last job when it is the same
            }
            else
            {
                NewFiles.Write(job.Folders.EventPath, json);
            }

            if (!AddEnv(job, job.Request.Workflow.Env, JobContexts.WorkflowEnv, log) || !AddEnv(job, job.Request.Job.Env, JobContexts.JobEnv, log))
            {
                return new StepOutcome(RunResult.Failed);
            }

            var defaults = Defaults(job, log);
            if (defaults is null)
            {
                return new StepOutcome(RunResult.Failed);
            }

            job.Defaults = defaults;

            log.Output("Prepare all required actions");
            foreach (var step in job.Request.Job.Steps.Where(s => s.Uses is not null))
            {
                var prepared = await job.Actions.PrepareAsync(host, step, cancel).ConfigureAwait(false);
                if (prepared.Error is { } error)
                {
                    log.Error(error, code: JobRunnerDiagnosticCodes.ActionSetupFailed);
                    return new StepOutcome(RunResult.Failed);
                }

                if (prepared.Pre is { } phase)
                {
                    pre.Add((step, phase, steps.DisplayNameOf(step)));
                }
            }

            log.Output($"Complete job name: {job.Request.DisplayName}");
            return StepOutcome.Succeeded;
        }

        var end = await steps.RunPartAsync(setup, setup.Id, "Set up job", "always()", setup.Id, Body).ConfigureAwait(false);
        return end.Conclusion == StepConclusion.Success ? pre : null;
    }

    private static byte[] Utf8Json(System.Text.Json.Nodes.JsonObject payload)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            payload.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Adds an <c>env</c> mapping to the job's env (later levels win: workflow, then job, GHA-WF-8).</summary>
    private static bool AddEnv(GitHubJobState job, TemplateToken? token, Func<GitHubJobState, EvaluationContext> context, IStepLogger log)
    {
        if (token is null)
        {
            return true; // no env: no contexts to build
        }

        var env = TokenEvaluator.Evaluate(token, context(job));
        if (!env.IsSuccess)
        {
            var e = env.Error;
            log.Error(e.Message, e.Location.File, e.Location.Line, e.Location.Column, JobRunnerDiagnosticCodes.ExpressionFailed);
            return false;
        }

        foreach (var (name, value) in (env.Value as ObjectValue)?.Entries ?? [])
        {
            job.Env[name] = GitHubCoercion.ToDisplayString(value);
        }

        return true;
    }

    /// <summary>GHA-STEP-5: the job's <c>defaults.run</c> replaces the workflow's as a whole.</summary>
    private static RunDefaults? Defaults(GitHubJobState job, IStepLogger log)
    {
        var jobDefaults = TokenEvaluator.Evaluate(job.Request.Job.Defaults, job.Request.Job.Defaults is null ? EvaluationContext.Empty : JobContexts.Defaults(job));
        var workflowDefaults = TokenEvaluator.Evaluate(job.Request.Workflow.Defaults, EvaluationContext.Empty);
        foreach (var failed in new[] { jobDefaults, workflowDefaults }.Where(d => !d.IsSuccess))
        {
            var e = failed.Error!;
            log.Error(e.Message, e.Location.File, e.Location.Line, e.Location.Column, JobRunnerDiagnosticCodes.ExpressionFailed);
            return null;
        }

        var run = jobDefaults.Value is ObjectValue j && j["run"] is ObjectValue jobRun ? jobRun
            : workflowDefaults.Value is ObjectValue w && w["run"] is ObjectValue workflowRun ? workflowRun
            : null;
        return run is null ? RunDefaults.None : new RunDefaults(Text(run["shell"]), Text(run["working-directory"]));

        static string? Text(ExpressionValue value) => value.IsNull ? null : GitHubCoercion.ToDisplayString(value);
    }
}
