using Slipway.Core.Planning;
using Slipway.Core.Runtime.Repositories;

namespace Slipway.Core.Runtime.Checkout;

/// <summary>
/// Where each checkout puts its repository and which variables follow from it (AZP-STEP-12, as the
/// agent's checkout task and its <c>updaterepositorypath</c> command do it):
/// <list type="bullet">
/// <item><c>path:</c> is resolved against <c>$(Pipeline.Workspace)</c> and must stay inside it;</item>
/// <item>with one checkout the repository goes to <c>s/</c>;</item>
/// <item>with two or more each goes to <c>s/&lt;repository name&gt;</c> and <c>Build.SourcesDirectory</c> stays <c>s/</c>.</item>
/// </list>
/// </summary>
internal static class CheckoutLayout
{
    public const string SourcesFolder = "s";

    /// <summary>True when the job checks out more than one repository (<c>checkout: none</c> does not count).</summary>
    public static bool HasMultipleCheckouts(IEnumerable<StepPlan> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return steps.Count(s => s.Keyword == "checkout" && s.Enabled
            && !string.Equals(s.Input("repository"), CheckoutOptions.None, StringComparison.OrdinalIgnoreCase)) > 1;
    }

    /// <summary>The absolute folder for a checkout, or an error message when <c>path:</c> leaves the workspace.</summary>
    public static (string? Path, string? Error) TargetFolder(string pipelineWorkspace, CheckoutOptions options, string repositoryName, bool multipleCheckouts)
    {
        ArgumentNullException.ThrowIfNull(options);
        var workspace = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(pipelineWorkspace));
        if (options.Path is { } path)
        {
            var resolved = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(System.IO.Path.Combine(workspace, path)));
            return resolved.StartsWith(workspace + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
                ? (resolved, null)
                : (null, $"The checkout path '{path}' must resolve to a folder under '{workspace}' ($(Pipeline.Workspace)), but resolves to '{resolved}'.");
        }

        var sources = System.IO.Path.Combine(workspace, SourcesFolder);
        return multipleCheckouts
            ? (System.IO.Path.Combine(sources, RepositoryNaming.CloneDirectory(repositoryName)), null)
            : (sources, null);
    }

    /// <summary>
    /// The variables a finished checkout sets: with one checkout Build.SourcesDirectory, Build.Repository.LocalPath
    /// and System.DefaultWorkingDirectory all become the repository's folder; with several only <c>self</c>
    /// moves Build.Repository.LocalPath, and other repositories change nothing.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> VariablesAfterCheckout(bool isSelf, bool multipleCheckouts, string repositoryPath)
    {
        if (!multipleCheckouts)
        {
            return
            [
                new("Build.SourcesDirectory", repositoryPath),
                new("Build.Repository.LocalPath", repositoryPath),
                new("System.DefaultWorkingDirectory", repositoryPath),
            ];
        }

        return isSelf ? [new("Build.Repository.LocalPath", repositoryPath)] : [];
    }

    /// <summary>
    /// The variables the agent derives from the job's checkout steps before it starts: Build.Repository.Clean and
    /// Build.Repository.Git.SubmoduleCheckout, from the checkout of <c>self</c> (or the only checkout).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> VariablesAtJobStart(IReadOnlyList<CheckoutOptions> checkouts)
    {
        ArgumentNullException.ThrowIfNull(checkouts);
        var primary = checkouts.Count == 1 ? checkouts[0] : checkouts.FirstOrDefault(c => c.IsSelf);
        if (primary is null)
        {
            return [];
        }

        var result = new List<KeyValuePair<string, string>> { new("Build.Repository.Git.SubmoduleCheckout", primary.SubmodulesGiven ? "True" : "False") };
        if (primary.Clean is { } clean)
        {
            result.Add(new("Build.Repository.Clean", clean ? "True" : "False"));
        }

        return result;
    }

    /// <summary>The agent's default display name for a checkout: <c>Checkout repo@main to s</c>.</summary>
    public static string DisplayName(string repositoryName, string? branch, string pipelineWorkspace, string repositoryPath)
    {
        var version = branch is not null && branch.StartsWith("refs/heads/", StringComparison.Ordinal) ? branch["refs/heads/".Length..] : branch ?? string.Empty;
        var relative = System.IO.Path.GetRelativePath(pipelineWorkspace, repositoryPath);
        return $"Checkout {repositoryName}@{version} to {relative}";
    }
}
