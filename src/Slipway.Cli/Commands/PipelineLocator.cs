using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.GitHub;

namespace Slipway.Cli.Commands;

internal enum PipelineFileSyntax
{
    AzurePipelines,
    GitHubActions,
}

internal sealed record LocatedPipeline(string FullPath, string DisplayPath, PipelineFileSyntax Syntax);

internal sealed record LocateResult(LocatedPipeline? Pipeline, Diagnostic? Error);

/// <summary>
/// Finds the pipeline a command works on: the FILE given, or the conventional files in the
/// directory. Each convention is one entry of <see cref="Conventions"/>; GitHub Actions
/// (<c>.github/workflows/*.yml</c>) is added there by the GitHub dialect.
/// </summary>
internal static class PipelineLocator
{
    /// <summary>Conventional locations, in the order they are tried; the first one that yields files wins.</summary>
    public static readonly IReadOnlyList<(PipelineFileSyntax Syntax, Func<string, IEnumerable<string>> Find)> Conventions =
    [
        (PipelineFileSyntax.AzurePipelines, dir => Existing(Path.Combine(dir, "azure-pipelines.yml"), Path.Combine(dir, "azure-pipelines.yaml"))),
        (PipelineFileSyntax.AzurePipelines, dir => YamlFilesIn(Path.Combine(dir, ".azure-pipelines"))),
        (PipelineFileSyntax.GitHubActions, dir => YamlFilesIn(Path.Combine(dir, ".github", "workflows"))),
    ];

    /// <summary>Every workflow in <c>.github/workflows/</c> (for commands that take them all, such as validate).</summary>
    public static IReadOnlyList<string> Workflows(string cwd) => [.. YamlFilesIn(Path.Combine(cwd, ".github", "workflows"))];

    public static LocateResult Locate(string? file, string cwd)
    {
        if (file is not null)
        {
            var full = Path.GetFullPath(file, cwd);
            if (!File.Exists(full))
            {
                return new LocateResult(null, Diagnostic.Error(CliDiagnosticCodes.PipelineNotFound, $"File '{file}' was not found.", new SourceLocation(file, 0, 0)));
            }

            return new LocateResult(new LocatedPipeline(full, file, SyntaxOf(full)), null);
        }

        foreach (var (syntax, find) in Conventions)
        {
            var found = find(cwd).ToList();
            if (found.Count == 1)
            {
                return new LocateResult(new LocatedPipeline(found[0], Path.GetRelativePath(cwd, found[0]), syntax), null);
            }

            if (found.Count > 1)
            {
                var names = string.Join(", ", found.Select(f => Path.GetRelativePath(cwd, f)));
                return new LocateResult(null, Diagnostic.Error(CliDiagnosticCodes.PipelineAmbiguous, $"Several pipelines were found ({names}); name the one to use.", SourceLocation.None));
            }
        }

        return new LocateResult(null, Diagnostic.Error(CliDiagnosticCodes.PipelineNotFound,
            $"No pipeline was found in '{cwd}': expected azure-pipelines.yml, .azure-pipelines/*.yml or .github/workflows/*.yml; or name a file.", SourceLocation.None));
    }

    private static PipelineFileSyntax SyntaxOf(string fullPath) =>
        GitHubWorkflowFiles.IsWorkflow(fullPath) ? PipelineFileSyntax.GitHubActions : PipelineFileSyntax.AzurePipelines;

    private static IEnumerable<string> Existing(params string[] paths) => paths.Where(File.Exists).Take(1);

    private static IEnumerable<string> YamlFilesIn(string dir) =>
        Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir).Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : [];
}

/// <summary>SLW4900-SLW4999: finding the pipeline for a command.</summary>
internal static class CliDiagnosticCodes
{
    public const string PipelineNotFound = "SLW4900";
    public const string PipelineAmbiguous = "SLW4901";
    public const string SyntaxNotSupported = "SLW4902";
}
