using Slipway.Core.Planning;
using Slipway.Core.Runtime.Repositories;

namespace Slipway.Core.Runtime.Checkout;

/// <summary>
/// Variables the runtime defines when a job starts that come from its checkout steps and repositories:
/// Build.Repository.Clean and Build.Repository.Git.SubmoduleCheckout (from the checkout of <c>self</c>, as the
/// agent derives them), and <c>resources.repositories.&lt;alias&gt;.*</c> for <c>self</c> and every repository
/// resource (its version is the commit its ref resolves to in the <c>--repo</c> folder, empty when not mapped), and
/// Build.Repository.ID (<c>owner/repo</c> for GitHub, else a GUID derived from the URI).
/// </summary>
internal static class JobCheckoutVariables
{
    public static IReadOnlyList<KeyValuePair<string, string>> For(RunContext run, JobPlan job, RepositoryReader? reader = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(job);
        var checkouts = job.AllSteps
            .Where(s => s.Keyword == "checkout" && s.Enabled)
            .Select(s => CheckoutOptions.From(s.Input))
            .Where(o => !o.IsNone)
            .ToList();
        var result = new List<KeyValuePair<string, string>>(CheckoutLayout.VariablesAtJobStart(checkouts));

        var repo = run.Repository;
        var (_, _, id, _) = RepositoryNaming.FromRemote(repo.Uri, run.Options.RepositoryRoot);
        var self = new GitRepositoryInfo
        {
            Root = run.Options.RepositoryRoot,
            IsGitRepository = repo.SourceVersion is { Length: > 0 },
            Name = repo.Name,
            Uri = repo.Uri ?? string.Empty,
            Provider = repo.Provider,
            Id = repo.Provider == "GitHub" ? repo.Name : id,
            SourceVersion = repo.SourceVersion ?? string.Empty,
            SourceBranch = repo.SourceBranch ?? GitRepositoryInfo.DetachedBranch,
        };
        result.Add(new("Build.Repository.ID", self.Id));
        result.AddRange(RepositoryVariables.ForResources(self, run.Plan.Resources.Repositories, resource =>
            run.Options.RepositoryPaths.TryGetValue(resource.Alias, out var path)
                ? (reader ??= new RepositoryReader(GitCli.FromCurrentProcess())).ResolveCommit(path, resource.Ref) // only when a resource is mapped
                : null));
        return result;
    }
}
