using System.Globalization;
using Slipway.Core.Masking;
using Slipway.Core.Orchestration;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Jobs;
using Slipway.Core.Runtime.Orchestration;

using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Runtime;

/// <summary>What <c>slipway run</c> asks for: a compiled plan and the options.</summary>
internal sealed record LocalRunRequest(Plan Plan, string PipelinePath, RunOptions Options)
{
    /// <summary>The <c>.slipway/</c> folder; by default the one at the repository root.</summary>
    public string? StoreDirectory { get; init; }

    /// <summary>The run's masker when the caller needs it too (the JSON report's last masking pass); made with <see cref="LocalRun.CreateMasker"/>.</summary>
    public SecretMasker? Masker { get; init; }

    /// <summary>The repository facts (git), when the caller started reading them early (while the pipeline compiled); else read here.</summary>
    public Task<RepositoryInfo>? Repository { get; init; }
}

internal sealed record LocalRunResult(long RunId, RunResult Result, string BuildNumber, string RunDirectory);

/// <summary>
/// Runs a plan on this machine: records the run in the run store, builds the run context (masker,
/// services, repository facts, build number), orchestrates, and publishes the run's events.
/// </summary>
internal static class LocalRun
{
    public static async Task<LocalRunResult> RunAsync(LocalRunRequest request, IRunEventSink events, TimeProvider time, CancellationToken cancel, CancellationToken kill)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options;
        var storeDirectory = request.StoreDirectory ?? RunStoreLocation.For(options.RepositoryRoot);
        // git (two processes) runs while the store opens, unless the caller started the read already.
        var repositoryRead = request.Repository ?? Task.Run(() => RuntimeComposition.CreateRepositoryInfo().Read(options.RepositoryRoot));
        await using var run = await LocalRunScaffold.OpenAsync(storeDirectory, time).ConfigureAwait(false);
        var repository = await repositoryRead.ConfigureAwait(false);
        var runId = await run.CreateRunAsync(new RunStart("azure-pipelines", request.PipelinePath, Path.GetFileNameWithoutExtension(request.PipelinePath))
        {
            Event = "manual",
            Branch = repository.SourceBranch,
            Commit = repository.SourceVersion,
        }).ConfigureAwait(false);

        var masker = request.Masker ?? CreateMasker(request.Plan, options);
        var buildNumber = masker.Mask(BuildNumber.Format(request.Plan.RunNameFormat, runId, time.GetLocalNow(), name =>
            request.Plan.Variables.OfType<VariableDefinition>().LastOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))?.Value));
        await run.SetBuildNumberAsync(buildNumber).ConfigureAwait(false);

        var context = run.Context(request.Plan, options, masker, events, repository);
        await run.PruneOldWorkAsync(context).ConfigureAwait(false);
        var recorder = run.Start(context, request.PipelinePath, buildNumber);
        foreach (var warning in repository.Warnings)
        {
            await recorder.IssueAsync(null, IssueType.Warning, warning.Message, code: warning.Code).ConfigureAwait(false);
        }

        var counters = Counters.InStore(storeDirectory, request.PipelinePath);
        var slots = new JobSlots(options.Parallel);
        var jobs = new JobRunner(context, recorder, RuntimeComposition.CreateRegistry(options), counters);
        var orchestrator = new RunOrchestrator(context, recorder, jobs, slots, counters, buildNumber);
        var result = await orchestrator.RunAsync(cancel, kill).ConfigureAwait(false);
        return await run.CompleteAsync(context, result, recorder.UpdatedBuildNumber ?? buildNumber).ConfigureAwait(false);
    }

    /// <summary>One masker for the run, with every secret known before it starts (AZP-VAR-41).</summary>
    public static SecretMasker CreateMasker(Plan plan, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var masker = SecretMasker.ForAzurePipelines();
        foreach (var (_, value) in options.Secrets)
        {
            masker.AddValue(value);
        }

        foreach (var entry in plan.Variables.Concat(plan.Stages.SelectMany(s => s.Variables.Concat(s.Jobs.SelectMany(j => j.Variables)))))
        {
            var definitions = entry switch
            {
                VariableDefinition d => [d],
                VariableGroupReference g => g.Values,
                _ => [],
            };
            foreach (var d in definitions.Where(d => d.Secret == SecretState.Secret))
            {
                masker.AddValue(d.Value);
            }
        }

        return masker;
    }
}
