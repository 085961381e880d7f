using Slipway.Core.Runtime.Repositories;

namespace Slipway.Core.Runtime.Checkout;

/// <summary>
/// <c>--dirty</c>: after the commit is checked out, the source's uncommitted state is copied over it:
/// staged and unstaged edits, deletions, and untracked files that are not ignored
/// (<c>git status --porcelain -z --untracked-files=all --no-renames</c>). The user's repository is
/// read with <c>--no-optional-locks</c>, so its index is never rewritten.
/// </summary>
internal sealed class UncommittedChanges
{
    private readonly GitCli _git;
    private readonly ICheckoutLog _log;

    public UncommittedChanges(GitCli git, ICheckoutLog log)
    {
        _git = git;
        _log = log;
    }

    public async Task<CheckoutResult> CopyAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        string[] args = ["--no-optional-locks", "-c", "core.quotePath=false", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--ignore-submodules=all"];
        var status = await _git.RunAsync(request.SourceRoot, args, null, cancellationToken).ConfigureAwait(false);
        if (!status.Succeeded)
        {
            return status.Canceled ? CheckoutResult.WasCanceled
                : CheckoutResult.Failed(CheckoutDiagnosticCodes.GitFailed, $"git status failed in '{request.SourceRoot}' ({status.Describe()}).");
        }

        var (copied, deleted) = (0, 0);
        foreach (var path in ChangedPaths(status.StandardOutput))
        {
            var from = Path.GetFullPath(Path.Combine(request.SourceRoot, path));
            if (FileSystem.IsExcluded(from, request.Excluded))
            {
                continue;
            }

            var to = Path.GetFullPath(Path.Combine(request.TargetPath, path));
            if (FileSystem.CopyEntry(from, to) is { } error)
            {
                return CheckoutResult.Failed(CheckoutDiagnosticCodes.CopyFailed, error);
            }

            if (File.Exists(from) || Directory.Exists(from))
            {
                copied++;
            }
            else
            {
                deleted++;
            }
        }

        _log.Output($"--dirty: copied {copied} changed or untracked file(s) and removed {deleted} deleted file(s) from '{request.SourceRoot}'.");
        return CheckoutResult.Success;
    }

    /// <summary>The paths of <c>status --porcelain=v1 -z</c> entries ("XY path\0"), ignored files excluded.</summary>
    internal static IEnumerable<string> ChangedPaths(string porcelain)
    {
        foreach (var entry in porcelain.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var text = entry.TrimStart('\n');
            if (text.Length > 3 && !text.StartsWith("!!", StringComparison.Ordinal))
            {
                yield return text[3..];
            }
        }
    }
}
