using Slipway.Core.Diagnostics;

namespace Slipway.Core.Runtime.Repositories;

/// <summary>
/// What git says about a local work tree, in the terms of Azure's predefined variables
/// (see <see cref="RepositoryVariables"/>). Read by <see cref="RepositoryReader"/>; a folder that is
/// not a git repository gets fallbacks (<see cref="IsGitRepository"/> false) and a warning.
/// </summary>
internal sealed record GitRepositoryInfo
{
    /// <summary>Build.SourceBranch when HEAD is detached and no tag points at it (and no branch was given).</summary>
    public const string DetachedBranch = "refs/heads/HEAD";

    /// <summary>The work tree's top folder (the folder itself when it is not a repository).</summary>
    public required string Root { get; init; }

    public required bool IsGitRepository { get; init; }

    /// <summary>Build.Repository.Name: <c>owner/repo</c> for GitHub and Bitbucket, the repository name otherwise, else the folder name.</summary>
    public required string Name { get; init; }

    /// <summary>Build.Repository.Uri: the <c>origin</c> URL without credentials, else the folder as a <c>file://</c> URI.</summary>
    public required string Uri { get; init; }

    /// <summary>Build.Repository.Provider: <c>GitHub</c>, <c>TfsGit</c>, <c>Bitbucket</c> from the origin URL, else <c>Git</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>Build.Repository.ID: <c>owner/repo</c> for GitHub (as Azure does), else a GUID derived from the URI.</summary>
    public required string Id { get; init; }

    /// <summary>Build.SourceVersion: the HEAD commit id; empty when unknown.</summary>
    public string SourceVersion { get; init; } = string.Empty;

    /// <summary>HEAD's first parent; null for a root commit or when unknown.</summary>
    public string? ParentVersion { get; init; }

    /// <summary>Build.SourceBranch: <c>refs/heads/x</c>, <c>refs/tags/v1</c> (detached at a tag), or <see cref="DetachedBranch"/>.</summary>
    public string SourceBranch { get; init; } = DetachedBranch;

    /// <summary>The first tag pointing at HEAD (<c>v1</c>), if any.</summary>
    public string? Tag { get; init; }

    public bool IsDetached { get; init; }

    /// <summary>The whole commit message.</summary>
    public string CommitMessage { get; init; } = string.Empty;

    public string AuthorName { get; init; } = string.Empty;

    public string AuthorEmail { get; init; } = string.Empty;

    /// <summary>git's <c>user.name</c> (the effective value, as <c>git config user.name</c> prints it); null when unset.</summary>
    public string? UserName { get; init; }

    /// <summary>Build.RequestedFor: git's <c>user.name</c>, else the commit's author.</summary>
    public string RequestedFor { get; init; } = string.Empty;

    /// <summary>Build.RequestedForEmail: git's <c>user.email</c>, else the commit's author email.</summary>
    public string RequestedForEmail { get; init; } = string.Empty;

    /// <summary>Warnings found while reading (not a repository, git missing, no commits, detached HEAD).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>Build.SourceBranchName: the last segment of the branch (<c>refs/heads/feat/x</c> → <c>x</c>).</summary>
    public string SourceBranchName => SourceBranch[(SourceBranch.LastIndexOf('/') + 1)..];

    /// <summary>Build.SourceVersionMessage: the message's first line, at most 200 characters (as Azure truncates it).</summary>
    public string SourceVersionMessage
    {
        get
        {
            var firstLine = CommitMessage.Split('\n', 2)[0].TrimEnd('\r');
            return firstLine.Length <= 200 ? firstLine : firstLine[..200];
        }
    }
}
