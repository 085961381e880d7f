namespace Slipway.Core.Templates;

/// <summary>
/// One YAML file on disk: the repository it belongs to (null alias = the pipeline's own repository),
/// its path inside that repository (forward slashes, no leading slash) and the name used in diagnostics.
/// </summary>
internal sealed record TemplateSource(string? RepositoryAlias, string RepositoryRoot, string RelativePath, string FullPath)
{
    public string DisplayName => DisplayOverride ?? (RepositoryAlias is null ? RelativePath : $"{RelativePath}@{RepositoryAlias}");

    /// <summary>A caller-chosen name for the root file in diagnostics.</summary>
    public string? DisplayOverride { get; init; }

    /// <summary>The folder of this file inside its repository, for relative references.</summary>
    public string RelativeFolder
    {
        get
        {
            var cut = RelativePath.LastIndexOf('/');
            return cut < 0 ? string.Empty : RelativePath[..cut];
        }
    }

    /// <summary>Joins <paramref name="path"/> onto <paramref name="folder"/>; <c>.</c> and <c>..</c> are folded and never climb above the root.</summary>
    public static string Combine(string folder, string path)
    {
        var start = path.StartsWith('/') || path.StartsWith('\\') ? path : folder + "/" + path;
        var parts = new List<string>();
        foreach (var part in start.Split('/', '\\'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }
}
