using Slipway.Core.Templates;

namespace Slipway.Core.Pipelines.Azure;

/// <summary>The template engine (Templates/) as the compiler's load-and-expand step.</summary>
public sealed class TemplateEngineExpander : IPipelineExpander
{
    public ExpansionResult Expand(ExpansionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = TemplateExpander.Expand(request.RootFilePath, new TemplateOptions
        {
            RepositoryRoot = request.RepositoryRoot,
            Repositories = request.RepositoryPaths,
            Parameters = request.Parameters,
            RootText = request.Text,
            RootDisplayName = request.DisplayPath,
        });
        return new ExpansionResult(result.Root, result.Diagnostics);
    }
}
