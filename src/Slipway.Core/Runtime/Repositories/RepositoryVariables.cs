using Slipway.Core.Expressions.Values;
using Slipway.Core.Planning;

namespace Slipway.Core.Runtime.Repositories;

/// <summary>
/// The predefined variables (spec 3.8, AZP-VAR-80) that describe the source of a local run. A local run is
/// always <c>Build.Reason = Manual</c>; <c>System.PullRequest.*</c> are not defined (as on Azure outside a PR build).
/// </summary>
internal static class RepositoryVariables
{
    /// <summary>The ref of a repository resource without <c>ref:</c> (resources.repositories.repository: "defaults to 'refs/heads/main'").</summary>
    public const string DefaultRef = "refs/heads/main";

    private const string ResourcePrefix = "resources.repositories.";

    public static IReadOnlyList<KeyValuePair<string, string>> For(GitRepositoryInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var requesterId = RepositoryNaming.StableId("requester:" + info.RequestedForEmail);
        return
        [
            new("Build.SourceVersion", info.SourceVersion),
            new("Build.SourceBranch", info.SourceBranch),
            new("Build.SourceBranchName", info.SourceBranchName),
            new("Build.SourceVersionMessage", info.SourceVersionMessage),
            new("Build.Repository.Name", info.Name),
            new("Build.Repository.Uri", info.Uri),
            new("Build.Repository.Provider", info.Provider),
            new("Build.Repository.ID", info.Id),
            new("Build.RequestedFor", info.RequestedFor),
            new("Build.RequestedForEmail", info.RequestedForEmail),
            new("Build.RequestedForId", requesterId),
            new("Build.QueuedBy", info.RequestedFor),
            new("Build.QueuedById", requesterId),
            new("Build.Reason", "Manual"),
        ];
    }

    /// <summary>
    /// <c>resources.repositories.&lt;alias&gt;.{name, ref, type, id, url, version}</c> for <c>self</c> and every
    /// repository resource with a local folder (<c>--repo alias=PATH</c>); <paramref name="version"/> gives the
    /// commit its ref resolves to there (null when unknown).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ForResources(
        GitRepositoryInfo self, IEnumerable<RepositoryResource> resources, Func<RepositoryResource, string?> version)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(version);
        var result = new List<KeyValuePair<string, string>>();
        Add(result, "self", self.Name, self.SourceBranch, self.Provider, self.Id, self.Uri, self.SourceVersion);
        foreach (var resource in resources)
        {
            var name = resource.Name ?? resource.Alias;
            // A ref given as a branch name reads as Azure reports it (TC-47): 'main' → 'refs/heads/main'; none → the documented default.
            var reference = RepositoryReader.NormaliseBranch(resource.Ref) ?? DefaultRef;
            Add(result, resource.Alias, name, reference, resource.Type, RepositoryNaming.StableId(resource.Type + ":" + name), string.Empty, version(resource) ?? string.Empty);
        }

        return result;
    }

    private static void Add(List<KeyValuePair<string, string>> into, string alias, string name, string reference, string type, string id, string url, string commit)
    {
        var prefix = ResourcePrefix + alias + ".";
        into.Add(new(prefix + "name", name));
        into.Add(new(prefix + "ref", reference));
        into.Add(new(prefix + "type", type));
        into.Add(new(prefix + "id", id));
        into.Add(new(prefix + "url", url));
        into.Add(new(prefix + "version", commit));
    }

    /// <summary>
    /// The <c>resources</c> object of runtime expressions (<c>$[ resources.repositories.common.ref ]</c>, AZP-VAR-80)
    /// built from the job's <c>resources.repositories.&lt;alias&gt;.&lt;field&gt;</c> variables.
    /// </summary>
    public static ObjectValue ToExpressionObject(IEnumerable<KeyValuePair<string, string>> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var aliases = new Dictionary<string, List<KeyValuePair<string, ExpressionValue>>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in variables)
        {
            var dot = name.LastIndexOf('.');
            if (!name.StartsWith(ResourcePrefix, StringComparison.OrdinalIgnoreCase) || dot <= ResourcePrefix.Length)
            {
                continue;
            }

            var alias = name[ResourcePrefix.Length..dot];
            if (!aliases.TryGetValue(alias, out var fields))
            {
                aliases[alias] = fields = [];
            }

            fields.Add(KeyValuePair.Create(name[(dot + 1)..], ExpressionValue.From(value)));
        }

        var repositories = new ObjectValue(aliases.Select(a =>
            KeyValuePair.Create(a.Key, (ExpressionValue)new ObjectValue(a.Value))));
        return new ObjectValue([KeyValuePair.Create("repositories", (ExpressionValue)repositories)]);
    }
}
