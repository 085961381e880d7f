namespace Slipway.Core.Runtime.Repositories;

/// <summary>SLW7500-SLW7599: reading repository information from git, <c>--repo alias=PATH</c> mappings.</summary>
public static class RepositoryDiagnosticCodes
{
    // 750x: the local repository
    public const string NotAGitRepository = "SLW7500";
    public const string GitNotFound = "SLW7501";
    public const string GitFailed = "SLW7502";
    public const string NoCommits = "SLW7503";
    public const string DetachedHead = "SLW7504";

    // 752x: --repo alias=PATH
    public const string RepoMappingMalformed = "SLW7520";
    public const string RepoMappingDuplicate = "SLW7521";
    public const string RepoMappingPathMissing = "SLW7522";
    public const string RepoMappingUnknownAlias = "SLW7523";
}
