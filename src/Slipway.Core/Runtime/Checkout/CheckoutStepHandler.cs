using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Repositories;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Checkout;

/// <summary>
/// The <c>checkout</c> step (AZP-STEP-11/12): <c>self</c> copies the local repository at HEAD (with
/// <c>--dirty</c> its uncommitted changes too), an alias copies the <c>--repo alias=PATH</c> folder at the
/// resource's <c>ref</c>, <c>none</c> does nothing. Afterwards the path variables move as the agent moves them.
/// </summary>
internal sealed class CheckoutStepHandler : IStepHandler, IStepDisplayName
{
    /// <summary>The agent's name for a checkout without <c>displayName</c>: <c>Checkout repo@main to s</c>.</summary>
    public string? DefaultDisplayName(StepPlan step, RunContext run, JobPlan job, string pipelineWorkspace)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(job);
        var options = CheckoutOptions.From(step.Input);
        if (options.IsNone)
        {
            return null;
        }

        var resource = options.IsSelf ? null : run.Plan.Resources.Repositories.FirstOrDefault(r => string.Equals(r.Alias, options.Repository, StringComparison.OrdinalIgnoreCase));
        if (!options.IsSelf && resource is null)
        {
            return null;
        }

        var (name, branch) = resource is null ? (run.Repository.Name, run.Repository.SourceBranch) : (resource.Name ?? resource.Alias, resource.Ref);
        var (target, _) = CheckoutLayout.TargetFolder(pipelineWorkspace, options, name, CheckoutLayout.HasMultipleCheckouts(job.AllSteps));
        return target is null ? null : CheckoutLayout.DisplayName(name, branch, pipelineWorkspace, target);
    }

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = CheckoutOptions.From(context.Inputs.Get);
        if (options.IsNone)
        {
            context.Log.Output("checkout: none - no repository is checked out.");
            return StepOutcome.Succeeded;
        }

        WarnIgnoredInputs(context);
        var git = new GitCli(context.Environment);
        var checkout = new GitCheckout(git, new StepCheckoutLog(context.Log));
        var source = options.IsSelf ? SelfSource(context) : await ResourceSourceAsync(context, options, checkout, cancellationToken).ConfigureAwait(false);
        if (source.Error is { } error)
        {
            return StepOutcome.Failed(error);
        }

        var multiple = CheckoutLayout.HasMultipleCheckouts(JobSteps(context));
        var (target, pathError) = CheckoutLayout.TargetFolder(context.Workspace.PipelineWorkspace, options, source.Name, multiple);
        if (pathError is not null)
        {
            return StepOutcome.Failed($"{CheckoutDiagnosticCodes.PathOutsideWorkspace}: {pathError}");
        }

        var request = new CheckoutRequest
        {
            SourceRoot = source.Root,
            Commit = source.Commit,
            TargetPath = target!,
            Options = options,
            IncludeUncommittedChanges = options.IsSelf && context.Run.Options.Dirty,
            Excluded = [context.Run.StoreDirectory, context.Workspace.PipelineWorkspace],
        };
        context.Log.Output($"Checking out '{source.Name}' ({ShortCommit(source.Commit)}) from '{source.Root}' to '{target}'.");
        var result = await checkout.RunAsync(request, cancellationToken).ConfigureAwait(false);
        return Finish(context, result, options.IsSelf, multiple, target!);
    }

    private static StepOutcome Finish(StepContext context, CheckoutResult result, bool isSelf, bool multiple, string target)
    {
        if (result.Canceled)
        {
            return StepOutcome.Canceled;
        }

        if (!result.Succeeded)
        {
            return StepOutcome.Failed($"{result.ErrorCode}: {result.Error}");
        }

        foreach (var (name, value) in CheckoutLayout.VariablesAfterCheckout(isSelf, multiple, target))
        {
            context.Variables.SetSystem(name, value);
        }

        return StepOutcome.Succeeded;
    }

    private static Source SelfSource(StepContext context)
    {
        var repository = context.Run.Repository;
        return new Source(context.Workspace.RepositoryRoot, repository.SourceVersion ?? string.Empty, repository.Name, null);
    }

    private static async Task<Source> ResourceSourceAsync(StepContext context, CheckoutOptions options, GitCheckout checkout, CancellationToken cancellationToken)
    {
        var alias = options.Repository;
        var resource = context.Run.Plan.Resources.Repositories.FirstOrDefault(r => string.Equals(r.Alias, alias, StringComparison.OrdinalIgnoreCase));
        if (resource is null)
        {
            return Source.Failed($"{CheckoutDiagnosticCodes.UnknownRepository}: 'checkout: {alias}' names no repository: use self, none, or an alias from resources.repositories.");
        }

        var name = resource.Name ?? resource.Alias;
        if (!context.Run.Options.RepositoryPaths.TryGetValue(alias, out var path))
        {
            return Source.Failed($"{CheckoutDiagnosticCodes.RepositoryNotMapped}: 'checkout: {alias}' needs a local copy of repository '{name}': pass --repo {alias}=PATH to 'slipway run'.");
        }

        if (Repositories.RepositoryReader.FindWorkTreeRoot(path) is null)
        {
            context.Log.Warning($"--repo {alias}={path} is not a git repository: its files are copied as they are.", code: CheckoutDiagnosticCodes.NotARepository);
            return new Source(path, string.Empty, name, null);
        }

        var commit = await checkout.ResolveCommitAsync(path, resource.Ref, cancellationToken).ConfigureAwait(false);
        return commit is null
            ? Source.Failed($"{CheckoutDiagnosticCodes.RefNotFound}: repository '{alias}' (--repo {alias}={path}) has no ref '{resource.Ref ?? "HEAD"}'.")
            : new Source(path, commit, name, null);
    }

    private static IEnumerable<StepPlan> JobSteps(StepContext context)
    {
        var jobs = context.Run.Plan.AllJobs.ToList();
        var job = jobs.FirstOrDefault(j => j.AllSteps.Any(s => ReferenceEquals(s, context.Step)))
            ?? jobs.FirstOrDefault(j => j.AllSteps.Contains(context.Step));
        return job?.AllSteps ?? [context.Step];
    }

    private static void WarnIgnoredInputs(StepContext context)
    {
        foreach (var name in CheckoutOptions.IgnoredInputs.Where(n => context.Inputs.Get(n) is { Length: > 0 }))
        {
            context.Log.Warning($"The checkout input '{name}' is not supported by a local run and is ignored.", code: CheckoutDiagnosticCodes.UnsupportedInput);
        }
    }

    private static string ShortCommit(string commit) => commit.Length >= 8 ? commit[..8] : commit.Length == 0 ? "files" : commit;

    private sealed record Source(string Root, string Commit, string Name, string? Error)
    {
        public static Source Failed(string error) => new(string.Empty, string.Empty, string.Empty, error);
    }
}
