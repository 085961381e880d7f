namespace Slipway.Core.Runtime.GitHub.Containers;

/// <summary>
/// Host paths as the job container sees them (RUN <c>ContainerInfo.TranslateToContainerPath</c>): the job's work
/// folder is <c>/__w</c> (the run slot's temp folder <c>/__w/_temp</c>), the tool cache <c>/__t</c>, the node install <c>/__e/node20</c>, and the runner's own
/// <c>_github_home</c>/<c>_github_workflow</c> folders <c>/github/home</c> and <c>/github/workflow</c>. The first match wins.
/// </summary>
internal sealed class ContainerPathMap(IReadOnlyList<(string Host, string Container)> mappings)
{
    public IReadOnlyList<(string Host, string Container)> Mappings => mappings;

    /// <summary>A host path (or a path below one) as the container sees it; other text unchanged.</summary>
    public string ToContainer(string path)
    {
        foreach (var (host, container) in mappings)
        {
            if (path == host)
            {
                return container;
            }

            if (path.StartsWith(host + "/", StringComparison.Ordinal))
            {
                return container + path[host.Length..];
            }
        }

        return path;
    }
}
