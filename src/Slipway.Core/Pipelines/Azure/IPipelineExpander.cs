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

/// <summary>
/// Used until the template engine is plugged in: loads the root file as it is and reports any
/// template expression, so the user sees one clear message instead of many unknown-key errors.
/// </summary>
public sealed class NoTemplateExpander : IPipelineExpander
{
    private const int MaxReports = 5;

    public ExpansionResult Expand(ExpansionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = request.Text is { } text
            ? YamlLoader.Load(text, request.DisplayPath, YamlLoadOptions.AzurePipelines)
            : YamlLoader.LoadFile(request.RootFilePath, request.DisplayPath, YamlLoadOptions.AzurePipelines);
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(loaded.Diagnostics);
        if (loaded.HasErrors || loaded.Root is null)
        {
            return new ExpansionResult(loaded.HasErrors ? null : loaded.Root, diagnostics.Items);
        }

        if (request.Parameters.Count > 0)
        {
            diagnostics.Warning(AzureDiagnosticCodes.ParametersIgnored,
                "Parameters were given but template expansion is not available in this build, so they are ignored.", new SourceLocation(request.DisplayPath, 0, 0));
        }

        var reported = 0;
        Scan(loaded.Root, diagnostics, ref reported);
        return new ExpansionResult(loaded.Root, diagnostics.Items);
    }

    private static void Scan(YamlNode node, DiagnosticBag diagnostics, ref int reported)
    {
        switch (node)
        {
            case YamlScalar scalar when scalar.Value.Contains("${{", StringComparison.Ordinal):
                if (reported++ < MaxReports)
                {
                    diagnostics.Error(AzureDiagnosticCodes.TemplateNotExpanded,
                        "A template expression '${{ }}' needs the template step, which is not available in this build.", scalar.Location);
                }

                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Scan(item, diagnostics, ref reported);
                }

                break;
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    Scan(entry.Key, diagnostics, ref reported);
                    Scan(entry.Value, diagnostics, ref reported);
                }

                break;
        }
    }
}
