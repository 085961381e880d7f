using System.Text.Json.Nodes;
using Slipway.Core.Runtime.Repositories;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>
/// The repository and the user an event is about, as its payload shows them: <c>owner/name</c> from a
/// github.com origin (else <c>local/&lt;folder&gt;</c>), the actor from git's <c>user.name</c> (else the OS user).
/// </summary>
internal sealed record EventRepository(GitRepositoryInfo Info, string FullName, string Actor, string? DefaultBranch)
{
    /// <summary>HEAD's commit with its changes against its parent, read with the rest (<see cref="RepositoryReader.ReadWithHead"/>);
    /// null when not read. A push from HEAD's parent has this one commit and these changes, so no second round of git.</summary>
    public GitCommit? Head { get; init; }

    private const string GitHubUrl = "https://github.com";

    public static EventRepository Read(GitRepositoryInfo info, string? defaultBranch, IReadOnlyDictionary<string, string> environment)
    {
        var fullName = info.Provider == "GitHub" && info.Name.Contains('/', StringComparison.Ordinal)
            ? info.Name
            : "local/" + Path.GetFileName(Path.TrimEndingDirectorySeparator(info.Root));
        var actor = (info.IsGitRepository ? info.UserName : null)
            ?? environment.GetValueOrDefault("USER") ?? environment.GetValueOrDefault("USERNAME") ?? "local";
        return new EventRepository(info, fullName, actor, info.IsGitRepository ? defaultBranch : null);
    }

    public string Owner => FullName[..FullName.IndexOf('/', StringComparison.Ordinal)];

    public string Name => FullName[(FullName.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>The repository's web address: github.com for a GitHub origin, else the origin (or folder) URI.</summary>
    public string HtmlUrl => IsGitHub ? $"{GitHubUrl}/{FullName}" : Info.Uri;

    private bool IsGitHub => Info.Provider == "GitHub" && Info.Name == FullName;

    public JsonObject Repository() => new()
    {
        ["name"] = Name,
        ["full_name"] = FullName,
        ["owner"] = new JsonObject { ["login"] = Owner, ["name"] = Owner, ["html_url"] = $"{GitHubUrl}/{Owner}" },
        ["html_url"] = HtmlUrl,
        ["clone_url"] = Info.Uri,
        ["url"] = IsGitHub ? $"https://api.github.com/repos/{FullName}" : Info.Uri,
        ["default_branch"] = DefaultBranch,
        ["master_branch"] = DefaultBranch,
        ["fork"] = false,
    };

    public JsonObject Sender() => User(Actor);

    public static JsonObject User(string login) => new() { ["login"] = login, ["type"] = "User", ["html_url"] = $"{GitHubUrl}/{login}" };

    public string CommitUrl(string sha) => $"{HtmlUrl}/commit/{sha}";
}
