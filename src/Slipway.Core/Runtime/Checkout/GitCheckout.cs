using System.Globalization;
using Slipway.Core.Runtime.Repositories;

namespace Slipway.Core.Runtime.Checkout;

/// <summary>
/// Puts one commit of a local repository into a folder with real git, the way the agent does it for a
/// remote one: <c>git init</c>, <c>origin</c> = the local repository, <c>git fetch</c> of the commit
/// (shallow to <c>fetchDepth</c>, tags only with <c>fetchTags</c>), <c>git checkout --force</c> of the commit
/// (detached HEAD), then submodules, LFS and, with <c>--dirty</c>, the uncommitted changes. The user's
/// repository is only read (<c>--no-optional-locks</c>, no index refresh).
/// </summary>
internal sealed partial class GitCheckout
{
    private readonly GitCli _git;
    private readonly ICheckoutLog _log;

    public GitCheckout(GitCli git, ICheckoutLog log)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(log);
        _git = git;
        _log = log;
    }

    public async Task<CheckoutResult> RunAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options;
        if (options.PersistCredentials)
        {
            _log.Debug("persistCredentials has no effect on a local run: origin is the local repository and no credential is involved.");
        }

        if (Clean(request) is { } cleanFailure)
        {
            return cleanFailure;
        }

        if (request.Commit.Length == 0)
        {
            return CopyFolder(request);
        }

        var git = options.Lfs ? _git : _git.With([new("GIT_LFS_SKIP_SMUDGE", "1")]);
        var steps = new CheckoutSteps(git, _log, request, cancellationToken);
        var result = await steps.PrepareAsync().ConfigureAwait(false)
            ?? await steps.FetchAsync().ConfigureAwait(false)
            ?? await steps.CheckoutAsync().ConfigureAwait(false)
            ?? await steps.SubmodulesAsync().ConfigureAwait(false);
        if (result is not null)
        {
            return result;
        }

        if (request.IncludeUncommittedChanges)
        {
            return await new UncommittedChanges(git, _log).CopyAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return CheckoutResult.Success;
    }

    /// <summary>The commit a resource's ref names in a local repository (<see cref="RepositoryReader.RefCandidates"/>); null when none.</summary>
    public async Task<string?> ResolveCommitAsync(string repositoryRoot, string? reference, CancellationToken cancellationToken)
    {
        foreach (var candidate in RepositoryReader.RefCandidates(reference))
        {
            var result = await _git.RunAsync(repositoryRoot, RepositoryReader.RevParse(candidate), null, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return result.StandardOutput.Trim();
            }
        }

        return null;
    }

    /// <summary><c>clean: true</c>: the target is emptied first (the agent's <c>git clean -ffdx</c> + <c>reset --hard</c> has the same effect).</summary>
    private CheckoutResult? Clean(CheckoutRequest request)
    {
        if (request.Options.Clean != true || !Directory.Exists(request.TargetPath))
        {
            return null;
        }

        _log.Output($"Cleaning '{request.TargetPath}' (clean: true).");
        return FileSystem.DeleteContents(request.TargetPath) is { } error ? CheckoutResult.Failed(CheckoutDiagnosticCodes.CopyFailed, error) : null;
    }

    private CheckoutResult CopyFolder(CheckoutRequest request)
    {
        _log.Output($"'{request.SourceRoot}' has no git commit to check out: copying its files to '{request.TargetPath}'.");
        var copied = FileSystem.CopyTree(request.SourceRoot, request.TargetPath, request.Excluded);
        return copied.Error is { } error
            ? CheckoutResult.Failed(CheckoutDiagnosticCodes.CopyFailed, error)
            : CheckoutResult.Success;
    }

    internal static string DepthArgument(int depth) => "--depth=" + depth.ToString(CultureInfo.InvariantCulture);
}
