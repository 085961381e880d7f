namespace Slipway.Core.Runtime.Repositories;

/// <summary>SLW7500-SLW7599: reading repository information from git.</summary>
public static class RepositoryDiagnosticCodes
{
    // 750x: the local repository
    public const string NotAGitRepository = "SLW7500";
    public const string GitNotFound = "SLW7501";
    public const string GitFailed = "SLW7502";
    public const string NoCommits = "SLW7503";
    public const string DetachedHead = "SLW7504";
}
