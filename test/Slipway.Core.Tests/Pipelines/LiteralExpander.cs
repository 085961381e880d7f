using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.Azure;
using Slipway.Core.Yaml;

namespace Slipway.Core.Tests.Pipelines;

/// <summary>
/// Loads the root file as it is, without the template step, to test that the dialect itself
/// refuses template references and expressions it is handed unexpanded.
/// </summary>
internal sealed class LiteralExpander : IPipelineExpander
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
                        "A template expression '${{ }}' was not expanded.", scalar.Location);
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
