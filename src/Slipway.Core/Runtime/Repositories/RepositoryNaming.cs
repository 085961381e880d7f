using System.IO.Hashing;
using System.Text;

namespace Slipway.Core.Runtime.Repositories;

/// <summary>
/// Build.Repository.Name / Provider / ID / Uri from a remote URL, the way Azure names the same
/// repositories: GitHub and Bitbucket repositories are <c>owner/repo</c>, Azure Repos are the repository
/// name, anything else the folder name git would clone into.
/// </summary>
internal static class RepositoryNaming
{
    public static (string Name, string Provider, string Id, string Uri) FromRemote(string? remoteUrl, string root)
    {
        if (string.IsNullOrWhiteSpace(remoteUrl))
        {
            var folderUri = new Uri(Path.GetFullPath(root)).AbsoluteUri;
            return (FolderName(root), "Git", StableId(folderUri), folderUri);
        }

        var uri = WithoutCredentials(remoteUrl.Trim());
        var path = PathPart(uri);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var last = segments.Length == 0 ? FolderName(root) : TrimGitSuffix(segments[^1]);
        var ownerRepo = segments.Length >= 2 ? $"{segments[^2]}/{last}" : last;

        if (uri.Contains("github.com", StringComparison.OrdinalIgnoreCase))
        {
            return (ownerRepo, "GitHub", ownerRepo, uri);
        }

        if (uri.Contains("bitbucket.org", StringComparison.OrdinalIgnoreCase))
        {
            return (ownerRepo, "Bitbucket", StableId(uri), uri);
        }

        var isAzureRepos = (uri.Contains("dev.azure.com", StringComparison.OrdinalIgnoreCase)
            || uri.Contains(".visualstudio.com", StringComparison.OrdinalIgnoreCase)) && uri.Contains("/_git/", StringComparison.OrdinalIgnoreCase);
        return (last.Length == 0 ? FolderName(root) : last, isAzureRepos ? "TfsGit" : "Git", StableId(uri), uri);
    }

    /// <summary>The folder name <c>git clone</c> would create for a repository name or URL (<c>…/org/tools.git</c> → <c>tools</c>).</summary>
    public static string CloneDirectory(string nameOrUrl)
    {
        var path = PathPart(WithoutCredentials(nameOrUrl.Trim()));
        var last = path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? nameOrUrl;
        return TrimGitSuffix(last);
    }

    /// <summary>https://user:token@host/x → https://host/x, so no credential reaches a variable or a log.</summary>
    public static string WithoutCredentials(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return url;
        }

        var hostStart = scheme + 3;
        var slash = url.IndexOf('/', hostStart);
        var authority = slash < 0 ? url[hostStart..] : url[hostStart..slash];
        var at = authority.LastIndexOf('@');
        return at < 0 ? url : url[..hostStart] + url[(hostStart + at + 1)..];
    }

    /// <summary>A GUID that is the same for the same repository URI on every run.</summary>
    public static string StableId(string text)
    {
        // An id, not a secret: XxHash128 (no OpenSSL to load) gives exactly a GUID's 16 bytes.
        return new Guid(XxHash128.Hash(Encoding.UTF8.GetBytes(text))).ToString();
    }

    private static string PathPart(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = url.IndexOf('/', scheme + 3);
            return slash < 0 ? string.Empty : url[slash..];
        }

        // scp-like "git@host:owner/repo.git" (but not a Windows drive "C:\...").
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        return colon > 1 && !url[..colon].Contains('/', StringComparison.Ordinal) ? url[(colon + 1)..] : url.Replace('\\', '/');
    }

    private static string TrimGitSuffix(string segment) =>
        segment.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? segment[..^4] : segment;

    private static string FolderName(string root) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)));
}
