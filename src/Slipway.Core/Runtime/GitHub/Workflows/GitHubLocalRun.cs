using System.Globalization;
using System.Security.Cryptography;
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
        await using var store = await RunStore.OpenAsync(storeDirectory, time, CancellationToken.None).ConfigureAwait(false);
        var name = request.Workflow.Name ?? Path.GetFileNameWithoutExtension(request.WorkflowPath);
        var runId = await store.CreateRunAsync(new RunStart("github-actions", request.WorkflowPath, name)
        {
            Event = request.Event.Name,
            Branch = request.Event.Ref,
            Commit = request.Event.Sha,
        }, CancellationToken.None).ConfigureAwait(false);
        var runNumber = runId.ToString(CultureInfo.InvariantCulture);
        await store.SetBuildNumberAsync(runId, runNumber, CancellationToken.None).ConfigureAwait(false);

        var runDirectory = Path.Combine(storeDirectory, "runs", runNumber);
        Directory.CreateDirectory(runDirectory);
        var token = "ghs_" + RandomNumberGenerator.GetHexString(36, lowercase: true);
        var masker = request.Masker ?? SecretMasker.ForGitHubActions();
        masker.AddValue(token);
        foreach (var (_, value) in options.Secrets)
        {
            masker.AddValue(value);
        }

        var plan = PlanOf(request.Workflow, request.WorkflowPath);
        await using var janitor = FolderJanitor.Start(WorkFolder.TrashFor(options.RepositoryRoot));
        var context = new RunContext
        {
            Janitor = janitor,
            RunId = runId,
            RunDirectory = runDirectory,
            StoreDirectory = storeDirectory,
            Plan = plan,
            Options = options,
            Time = time,
            StartTime = time.GetUtcNow(),
            Masker = masker,
            Events = events,
            Services = RuntimeComposition.CreateRunServices(new RunServicesRequest(runId, runDirectory, storeDirectory, options, time)),
            Repository = RuntimeComposition.CreateRepositoryInfo().Read(options.RepositoryRoot),
        };
        var started = time.GetTimestamp();
        events.OnEvent(new RunStarted(time.GetUtcNow(), runId, request.WorkflowPath, runNumber, plan, runDirectory));
        var writer = new TimelineWriter(store, runId, time);
        var recorder = new RunRecorder(writer, runId, events, masker, time);
        using var slots = new JobSlots(options.Parallel);
        var orchestrator = new WorkflowOrchestrator(context, recorder, jobRunners(context, recorder), slots, request);
        var secrets = new ObjectValue(options.Secrets.Select(s => KeyValuePair.Create(s.Key, ExpressionValue.From(s.Value)))
            .Append(KeyValuePair.Create("GITHUB_TOKEN", ExpressionValue.From(token))));
        var result = await orchestrator.RunAsync(secrets, cancel, kill).ConfigureAwait(false);
        await writer.CompleteAsync().ConfigureAwait(false);
        await store.CompleteRunAsync(runId, result, CancellationToken.None).ConfigureAwait(false);
        events.OnEvent(new RunCompleted(time.GetUtcNow(), runId, result, time.GetElapsedTime(started), runNumber));
        return new LocalRunResult(runId, result, runNumber, runDirectory);
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
