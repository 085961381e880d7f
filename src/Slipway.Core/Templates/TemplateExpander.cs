using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

/// <summary>
/// Turns a root Azure Pipelines file into one fully expanded YAML tree: every <c>template:</c> reference
/// inlined, every <c>${{ }}</c> resolved, no directives left. Bad input gives diagnostics, never exceptions.
/// </summary>
public static class TemplateExpander
{
    public static TemplateResult Expand(string rootPath, TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(rootPath);
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new DiagnosticBag();
        var fullPath = Path.GetFullPath(rootPath);
        var selfRoot = options.RepositoryRoot is { } given ? Path.GetFullPath(given) : FindRepositoryRoot(fullPath);
        var files = new TemplateFiles(selfRoot, options, diagnostics);
        var source = files.CreateRoot(fullPath);
        var root = files.LoadRoot(source);
        if (root is not YamlMapping map)
        {
            if (root is not null)
            {
                diagnostics.Error(TemplateDiagnosticCodes.TemplateNotMapping,
                    "A pipeline file must be a mapping (with steps, jobs, stages or extends).", root.Location);
            }

            return new TemplateResult(null, diagnostics.Items, files.DisplayNames);
        }

        var declarations = ParameterDeclarations.Parse(map["parameters"], diagnostics);
        var parameters = ParameterBinder.BindRuntime(declarations, options.Parameters, source, diagnostics);
        var ctx = new ExpansionContext(
            source, parameters, VariableScope.FromPredefined(options.PredefinedVariables), null, null);
        var budget = new SizeBudget(options.MaxExpandedBytes, diagnostics);
        var walker = new TemplateWalker(files, options, diagnostics, budget, new TemplateExpressions(diagnostics));
        var expanded = walker.ExpandMapping(map, ctx, NodeRole.PipelineRoot);

        // A template included many times repeats its mistakes: report each one once.
        return new TemplateResult(expanded, [.. diagnostics.Items.Distinct()], files.DisplayNames);
    }

    /// <summary>The nearest folder above the file that holds <c>.git</c>; the file's own folder when there is none.</summary>
    private static string FindRepositoryRoot(string file)
    {
        var start = Path.GetDirectoryName(file) ?? Directory.GetCurrentDirectory();
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
