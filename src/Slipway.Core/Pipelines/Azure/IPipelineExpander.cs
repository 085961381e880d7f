using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

/// <summary>What the template step gets besides the root tree: where files are, and the values given on the command line.</summary>
public sealed record ExpansionContext(
    string RootFilePath,
    string DisplayPath,
    string RepositoryRoot,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> RepositoryPaths);

/// <summary>
/// The template step (spec §5): resolves <c>template:</c> references, parameters, <c>${{ }}</c> and
/// <c>if/each/insert</c>, and returns a fully expanded tree for the dialect. Problems go to the bag
/// with their positions; return null when nothing usable is left.
/// </summary>
public interface IPipelineExpander
{
    YamlNode? Expand(YamlNode root, ExpansionContext context, DiagnosticBag diagnostics);
}

/// <summary>
/// Used until the template engine is plugged in: passes the tree through unchanged and reports any
/// template expression, so the user sees one clear message instead of many unknown-key errors.
/// </summary>
public sealed class NoTemplateExpander : IPipelineExpander
{
    private const int MaxReports = 5;

    public YamlNode? Expand(YamlNode root, ExpansionContext context, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (context.Parameters.Count > 0)
        {
            diagnostics.Warning(AzureDiagnosticCodes.ParametersIgnored,
                "Parameters were given but template expansion is not available in this build, so they are ignored.", new SourceLocation(context.DisplayPath, 0, 0));
        }

        var reported = 0;
        Scan(root, diagnostics, ref reported);
        return root;
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
