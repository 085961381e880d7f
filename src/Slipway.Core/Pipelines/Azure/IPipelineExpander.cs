using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

/// <summary>
/// What the template step is asked to expand: the root file (or, for tests and editors, its text),
/// where repositories are, and the values given on the command line.
/// </summary>
public sealed record ExpansionRequest
{
    public required string RootFilePath { get; init; }

    /// <summary>The root file's path as diagnostics show it.</summary>
    public required string DisplayPath { get; init; }

    public required string RepositoryRoot { get; init; }

    /// <summary>The root file's text when it does not come from disk; null means read <see cref="RootFilePath"/>.</summary>
    public string? Text { get; init; }

    /// <summary>Runtime parameter values (<c>--param name=value</c>).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary><c>resources.repositories</c> aliases mapped to local folders (<c>--repo alias=PATH</c>).</summary>
    public IReadOnlyDictionary<string, string> RepositoryPaths { get; init; } = new Dictionary<string, string>();
}

/// <summary>The fully expanded root (null when nothing usable is left) and what went wrong while loading and expanding.</summary>
public sealed record ExpansionResult(YamlNode? Root, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Load + template step (spec §5): reads the root file, resolves <c>template:</c> references, parameters,
/// <c>${{ }}</c> and <c>if/each/insert</c>, and returns one fully expanded tree for the dialect.
/// </summary>
public interface IPipelineExpander
{
    ExpansionResult Expand(ExpansionRequest request);
}
