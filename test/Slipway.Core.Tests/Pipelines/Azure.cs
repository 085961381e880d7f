using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.Azure;
using Slipway.Core.Planning;

namespace Slipway.Core.Tests.Pipelines;

/// <summary>Compiles YAML text the way the CLI does (no templates), in an empty temporary repository.</summary>
internal static class Azure
{
    private static readonly string EmptyRepo = Directory.CreateTempSubdirectory("slipway-azure-tests-").FullName;

    public static CompileResult Compile(string yaml, string? repoRoot = null) =>
        AzurePipelineCompiler.CreateDefault().CompileText(yaml, new CompileRequest
        {
            FilePath = Path.Combine(repoRoot ?? EmptyRepo, "azure-pipelines.yml"),
            DisplayPath = "p.yml",
            RepositoryRoot = repoRoot ?? EmptyRepo,
        });

    /// <summary>Compiles and asserts there are no errors (warnings allowed); returns the plan.</summary>
    public static Plan Valid(string yaml)
    {
        var result = Compile(yaml);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Plan!;
    }

    /// <summary>Asserts a diagnostic with that code exists (at the line and column when given) and returns it.</summary>
    public static Diagnostic Has(CompileResult result, string code, int? line = null, int? column = null)
    {
        var matches = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matches.Count > 0, $"expected {code}; got:\n{string.Join("\n", result.Diagnostics)}");
        var match = matches.FirstOrDefault(d => (line is null || d.Location.Line == line) && (column is null || d.Location.Column == column));
        Assert.True(match is not null, $"{code} not at ({line},{column}); got:\n{string.Join("\n", matches)}");
        return match!;
    }

    public static Diagnostic Error(string yaml, string code, int? line = null, int? column = null)
    {
        var result = Compile(yaml);
        Assert.True(result.HasErrors);
        var d = Has(result, code, line, column);
        Assert.True(d.IsError, d.ToString());
        return d;
    }

    public static Diagnostic Warning(string yaml, string code, int? line = null, int? column = null)
    {
        var result = Compile(yaml);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var d = Has(result, code, line, column);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        return d;
    }
}
