using System.Globalization;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Masking;
using Slipway.Core.Orchestration;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;

using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>
/// Runs one GitHub workflow on this machine, as <see cref="LocalRun"/> runs an Azure pipeline: records the
/// run in the run store (syntax <c>github-actions</c>, the event, branch and commit), builds the run context
/// (one masker with every secret and the run's <c>GITHUB_TOKEN</c> placeholder, the run's services), then
/// orchestrates the jobs and publishes the run's events.
/// </summary>
internal static class GitHubLocalRun
{
    public static async Task<LocalRunResult> RunAsync(GitHubRunRequest request, IRunEventSink events, WorkflowJobRunnerFactory jobRunners, TimeProvider time, CancellationToken cancel, CancellationToken kill)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(jobRunners);
        var options = request.Options;
        var storeDirectory = request.StoreDirectory ?? RunStoreLocation.For(options.RepositoryRoot);
        await using var run = await LocalRunScaffold.OpenAsync(storeDirectory, time).ConfigureAwait(false);
        var name = request.Workflow.Name ?? Path.GetFileNameWithoutExtension(request.WorkflowPath);
        var runId = await run.CreateRunAsync(new RunStart("github-actions", request.WorkflowPath, name)
        {
            Event = request.Event.Name,
            Branch = request.Event.Ref,
            Commit = request.Event.Sha,
        }).ConfigureAwait(false);
        var runNumber = runId.ToString(CultureInfo.InvariantCulture);
        await run.SetBuildNumberAsync(runNumber).ConfigureAwait(false);

        var token = "ghs_" + PlaceholderTokens.Hex(18);
        var masker = request.Masker ?? SecretMasker.ForGitHubActions();
        masker.AddValue(token);
        foreach (var (_, value) in options.Secrets)
        {
            masker.AddValue(value);
        }

        var plan = PlanOf(request.Workflow, request.WorkflowPath);
        var context = run.Context(plan, options, masker, events, request.Repository ?? RuntimeComposition.CreateRepositoryInfo().Read(options.RepositoryRoot));
        await run.PruneOldWorkAsync(context).ConfigureAwait(false);
        var recorder = run.Start(context, request.WorkflowPath, runNumber);
        var slots = new JobSlots(options.Parallel);
        var orchestrator = new WorkflowOrchestrator(context, recorder, jobRunners(context, recorder), slots, request);
        var secrets = new ObjectValue(options.Secrets.Select(s => KeyValuePair.Create(s.Key, ExpressionValue.From(s.Value)))
            .Append(KeyValuePair.Create("GITHUB_TOKEN", ExpressionValue.From(token))));
        var result = await orchestrator.RunAsync(secrets, cancel, kill).ConfigureAwait(false);
        return await run.CompleteAsync(context, result, runNumber).ConfigureAwait(false);
    }

    /// <summary>The plan the views show before jobs start: one implicit stage, one job per job id (matrix legs and called jobs replace it as they appear).</summary>
    public static Plan PlanOf(Workflow workflow, string path)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var jobs = workflow.Jobs.Select(j => new JobPlan
        {
            Name = j.Id.Value,
            Kind = JobKind.Job,
            DisplayName = j.Name is StringToken s ? s.Value : j.Id.Value,
            DependsOn = [.. j.Needs.Select(n => n.Value)],
            Location = j.Location,
        }).ToList();
        return new Plan
        {
            Syntax = PipelineSyntax.GitHubActions,
            File = path,
            Stages = [new StagePlan { Name = "__default", DisplayName = workflow.Name ?? path, IsImplicit = true, Jobs = jobs }],
        };
    }
}
