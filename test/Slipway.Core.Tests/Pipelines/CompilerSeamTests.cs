using Slipway.Core.Pipelines.Azure;
using Slipway.Core.Yaml;

namespace Slipway.Core.Tests.Pipelines;

/// <summary>The template step plugs into the compiler through <see cref="IPipelineExpander"/>.</summary>
public sealed class CompilerSeamTests
{
    private sealed class RecordingExpander(string expandedYaml) : IPipelineExpander
    {
        public ExpansionRequest? Seen { get; private set; }

        public ExpansionResult Expand(ExpansionRequest request)
        {
            Seen = request;
            var loaded = YamlLoader.Load(expandedYaml, request.DisplayPath, YamlLoadOptions.AzurePipelines);
            return new ExpansionResult(loaded.Root, loaded.Diagnostics);
        }
    }

    [Fact]
    public void AZP_RUN_1_TheExpanderGetsTheCommandLineValues_AndTheDialectReadsItsTree()
    {
        var expander = new RecordingExpander("steps:\n- script: expanded\n");
        var request = new CompileRequest
        {
            FilePath = "/repo/azure-pipelines.yml",
            DisplayPath = "azure-pipelines.yml",
            RepositoryRoot = "/repo",
            Parameters = new Dictionary<string, string> { ["env"] = "prod" },
            RepositoryPaths = new Dictionary<string, string> { ["tools"] = "/src/tools" },
        };
        var result = new AzurePipelineCompiler(expander).Compile(request);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal("expanded", result.Plan!.Stages[0].Jobs[0].Steps[1].Input("script"));
        Assert.Equal(("/repo/azure-pipelines.yml", "/repo", "prod", "/src/tools"),
            (expander.Seen!.RootFilePath, expander.Seen.RepositoryRoot, expander.Seen.Parameters["env"], expander.Seen.RepositoryPaths["tools"]));
    }

    [Fact]
    public void AZP_RUN_1_ExpansionErrors_StopBeforeTheDialect()
    {
        var result = new AzurePipelineCompiler(new RecordingExpander("steps: [unclosed\n")).CompileText("ignored", new CompileRequest { FilePath = "/r/p.yml", RepositoryRoot = "/r" });
        Assert.Null(result.Plan);
        Assert.All(result.Diagnostics, d => Assert.StartsWith("SLW1", d.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void NoTemplateExpander_ReadsTheFileFromDisk()
    {
        var dir = Directory.CreateTempSubdirectory("slipway-seam-").FullName;
        var file = Path.Combine(dir, "azure-pipelines.yml");
        File.WriteAllText(file, "steps:\n- bash: from disk\n");
        var result = AzurePipelineCompiler.CreateDefault().Compile(new CompileRequest { FilePath = file, RepositoryRoot = dir });
        Assert.Equal("from disk", result.Plan!.Stages[0].Jobs[0].Steps[1].Input("script"));
    }

    [Fact]
    public void RepositoryRoot_IsTheFolderHoldingGit()
    {
        var dir = Directory.CreateTempSubdirectory("slipway-root-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, ".git"));
        Directory.CreateDirectory(Path.Combine(dir, "ci"));
        Assert.Equal(dir, RepositoryRoot.Find(Path.Combine(dir, "ci", "build.yml")));
    }
}
