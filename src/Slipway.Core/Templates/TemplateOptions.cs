namespace Slipway.Core.Templates;

/// <summary>
/// What the caller knows that the YAML does not: where repositories live on disk, the values given
/// for the pipeline's runtime parameters, and the predefined variables that templates may read.
/// </summary>
public sealed record TemplateOptions
{
    /// <summary>Root of the pipeline's own repository (<c>/path</c> and <c>@self</c>); found from <c>.git</c> when null.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary><c>resources.repositories</c> aliases mapped to local folders (<c>--repo alias=PATH</c>).</summary>
    public IReadOnlyDictionary<string, string> Repositories { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Runtime parameter values as given on the command line (<c>--param name=value</c>).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Predefined variables marked "available in templates" (e.g. <c>Build.SourceBranch</c>). Queue-time
    /// (<c>--var</c>) values must NOT be put here: <c>${{ variables.x }}</c> does not see them (AZP-VAR-7).
    /// </summary>
    public IReadOnlyDictionary<string, string> PredefinedVariables { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The root file's text when it does not come from disk (tests, editors); templates are still read from disk.</summary>
    public string? RootText { get; init; }

    /// <summary>The root file's name in diagnostics; by default its path relative to the repository root.</summary>
    public string? RootDisplayName { get; init; }

    /// <summary>At most this many template files may be included (AZP-TPL-3).</summary>
    public int MaxFiles { get; init; } = 100;

    /// <summary>At most this many levels of template nesting (AZP-TPL-3).</summary>
    public int MaxNesting { get; init; } = 100;

    /// <summary>Approximate size of the expanded document (AZP-TPL-3: 20 MB).</summary>
    public long MaxExpandedBytes { get; init; } = 20L * 1024 * 1024;

    public static TemplateOptions Default { get; } = new();
}
