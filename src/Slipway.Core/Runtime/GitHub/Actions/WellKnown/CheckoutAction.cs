using System.Globalization;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Runtime.Checkout;
using Slipway.Core.Runtime.Repositories;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Actions.WellKnown;

/// <summary>
/// <c>actions/checkout</c> with the run's git checkout (Runtime/Checkout): the local repository at HEAD (or
/// <c>ref</c>) into <c>GITHUB_WORKSPACE</c> or <c>path</c>; another repository from its <c>--repo owner/repo=PATH</c>
/// folder. Inputs <c>fetch-depth</c> (default 1, 0 = all history), <c>fetch-tags</c>, <c>clean</c> (default true),
/// <c>submodules</c> (true/recursive), <c>lfs</c>. Outputs <c>ref</c> and <c>commit</c>.
/// </summary>
internal sealed class CheckoutAction : IWellKnownAction
{
    public async Task<StepOutcome> RunAsync(WellKnownActionContext context, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.Host;
        var github = host.Context.GetNamedValue("github") as ObjectValue;
        var selfName = github is null ? string.Empty : GitHubCoercion.ToDisplayString(github["repository"]);
        var repository = context.Input("repository") ?? selfName;
        var isSelf = string.Equals(repository, selfName, StringComparison.OrdinalIgnoreCase);
        var git = new GitCli(host.Environment);
        var checkout = new GitCheckout(git, new StepCheckoutLog(host.Log));
        var reference = context.Input("ref");
        string root;
        if (isSelf)
        {
            root = host.Run.Options.RepositoryRoot;
        }
        else if (LocalCopy(host.Run.Options, repository) is { } path)
        {
            root = path;
        }
        else
        {
            return context.Fail($"actions/checkout of '{repository}' needs a local copy of that repository: pass --repo {repository}=PATH to 'slipway run' (nothing is downloaded).",
                ActionDiagnosticCodes.CheckoutFailed);
        }

        var commit = reference is null && isSelf ? host.Run.Repository.SourceVersion ?? string.Empty
            : RepositoryReader.FindWorkTreeRoot(root) is null ? string.Empty
            : await checkout.ResolveCommitAsync(root, reference, cancel).ConfigureAwait(false);
        if (commit is null)
        {
            return context.Fail($"The ref '{reference ?? "HEAD"}' was not found in '{root}' (repository '{repository}').", ActionDiagnosticCodes.CheckoutFailed);
        }

        var target = context.WorkspacePath(context.Input("path") ?? ".");
        var workspace = Path.GetFullPath(host.Folders.Workspace);
        if (target != workspace && !target.StartsWith(workspace + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return context.Fail($"Repository path '{target}' is not under '{workspace}'", ActionDiagnosticCodes.CheckoutFailed);
        }

        var options = Options(context, repository, target);
        host.Log.Output($"Checking out '{repository}' ({(commit.Length >= 8 ? commit[..8] : "files")}) from '{root}' to '{target}'.");
        var result = await checkout.RunAsync(new CheckoutRequest
        {
            SourceRoot = root,
            Commit = commit,
            TargetPath = target,
            Options = options,
            IncludeUncommittedChanges = isSelf && host.Run.Options.Dirty,
            Excluded = [host.Run.StoreDirectory, host.Folders.Root],
        }, cancel).ConfigureAwait(false);
        if (result.Canceled)
        {
            return StepOutcome.Canceled;
        }

        if (!result.Succeeded)
        {
            return context.Fail(result.Error!, result.ErrorCode ?? ActionDiagnosticCodes.CheckoutFailed);
        }

        host.SetOutput("ref", reference ?? (isSelf ? host.Run.Repository.SourceBranch ?? string.Empty : string.Empty));
        host.SetOutput("commit", commit);
        return StepOutcome.Succeeded;
    }

    private static CheckoutOptions Options(WellKnownActionContext context, string repository, string target)
    {
        var depthText = context.Input("fetch-depth");
        var depth = depthText is null ? 1 : int.TryParse(depthText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) && d > 0 ? d : 0;
        var submodules = context.Input("submodules");
        return new CheckoutOptions
        {
            Repository = repository,
            Clean = context.Flag("clean", fallback: true),
            FetchDepth = depth,
            FetchTags = context.Flag("fetch-tags", fallback: false),
            Lfs = context.Flag("lfs", fallback: false),
            Submodules = string.Equals(submodules, "recursive", StringComparison.OrdinalIgnoreCase) ? SubmoduleMode.Recursive
                : context.Flag("submodules", fallback: false) ? SubmoduleMode.TopLevel : SubmoduleMode.None,
            SubmodulesGiven = submodules is not null,
            Path = target,
        };
    }

    /// <summary>The <c>--repo</c> folder of <c>owner/repo</c> (also accepted: just <c>repo</c>).</summary>
    private static string? LocalCopy(RunOptions options, string repository)
    {
        var name = repository.Contains('/', StringComparison.Ordinal) ? repository[(repository.LastIndexOf('/') + 1)..] : repository;
        return options.RepositoryPaths.TryGetValue(repository, out var path) ? path
            : options.RepositoryPaths.TryGetValue(name, out path) ? path
            : null;
    }
}
