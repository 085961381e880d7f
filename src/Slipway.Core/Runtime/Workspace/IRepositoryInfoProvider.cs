namespace Slipway.Core.Runtime.Workspace;

/// <summary>
/// What the predefined variables say about the source (Build.SourceVersion, Build.SourceBranch,
/// Build.Repository.Name, Build.SourceVersionMessage, Build.RequestedFor...). Null members mean unknown.
/// </summary>
internal sealed record RepositoryInfo
{
    /// <summary>Build.Repository.Name (the folder name when nothing better is known).</summary>
    public required string Name { get; init; }

    /// <summary>Build.Repository.Uri (the origin remote URL).</summary>
    public string? Uri { get; init; }

    /// <summary>Build.Repository.Provider: <c>TfsGit</c>, <c>GitHub</c>, <c>Git</c>...</summary>
    public string Provider { get; init; } = "Git";

    /// <summary>Build.SourceVersion: the commit id.</summary>
    public string? SourceVersion { get; init; }

    /// <summary>Build.SourceBranch: <c>refs/heads/main</c>.</summary>
    public string? SourceBranch { get; init; }

    /// <summary>Build.SourceVersionMessage: the commit's subject line.</summary>
    public string? CommitMessage { get; init; }

    /// <summary>Build.RequestedFor (author / git user.name).</summary>
    public string? RequestedFor { get; init; }

    public string? RequestedForEmail { get; init; }

    /// <summary>What the reader warns about (not a git repository, detached HEAD, no commits): one warning issue each per run.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Warnings { get; init; } = [];

    /// <summary>Build.SourceBranchName: the last path segment of <see cref="SourceBranch"/>.</summary>
    public string? SourceBranchName => SourceBranch is null ? null : SourceBranch[(SourceBranch.LastIndexOf('/') + 1)..];
}

/// <summary>
/// Reads <see cref="RepositoryInfo"/> for a local repository. The checkout helper provides the git
/// implementation; <see cref="FallbackRepositoryInfoProvider"/> is used until it is plugged in
/// (<see cref="RuntimeComposition"/>).
/// </summary>
internal interface IRepositoryInfoProvider
{
    RepositoryInfo Read(string repositoryRoot);
}
