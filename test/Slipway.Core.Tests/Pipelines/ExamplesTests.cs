using Slipway.Core.Pipelines.Azure;
using Slipway.Core.Planning;

namespace Slipway.Core.Tests.Pipelines;

/// <summary>The example pipelines the README uses must stay valid, and their plans must have the shape they describe.</summary>
public sealed class ExamplesTests
{
    public static TheoryData<string> Files => [.. Directory.GetFiles(RepoPaths.Examples, "*.yml").Select(f => Path.GetFileName(f) ?? f).Order(StringComparer.Ordinal)];

    internal static CompileResult CompileExample(string file) =>
        AzurePipelineCompiler.CreateDefault().Compile(new CompileRequest { FilePath = Path.Combine(RepoPaths.Examples, file), DisplayPath = file });

    [Theory]
    [MemberData(nameof(Files))]
    public void Example_IsValid_WithoutWarnings(string file)
    {
        var result = CompileExample(file);
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Plan);
    }

    [Fact]
    public void DotnetWebapp_HasBuildThenTwoDeploymentStages()
    {
        var plan = CompileExample("dotnet-webapp.yml").Plan!;
        Assert.Equal(["Build", "Staging", "Production"], plan.Stages.Select(s => s.Name));
        Assert.Equal(["Build"], plan.Stages[1].DependsOn);
        Assert.Equal(JobKind.Deployment, plan.Stages[2].Jobs[0].Kind);
        Assert.Equal("production", plan.Stages[2].Jobs[0].Deployment!.Environment.Name);
    }

    [Fact]
    public void FanOutFanIn_HasTheDocumentedGraph()
    {
        var plan = CompileExample("fan-out-fan-in.yml").Plan!;
        var deps = plan.Stages.ToDictionary(s => s.Name, s => s.DependsOn);
        Assert.Equal(["Prepare"], deps["UnitTests"]);
        Assert.Equal(["Prepare"], deps["Lint"]);
        Assert.Equal(["UnitTests", "Lint"], deps["Package"]);
        Assert.Equal("always()", plan.Stages[^1].Condition!.Text);
    }

    [Fact]
    public void MatrixBuild_HasThreeLegsAndThreeSlices()
    {
        var jobs = CompileExample("matrix-build.yml").Plan!.Stages[0].Jobs;
        Assert.Equal(3, jobs[0].Strategy!.Matrix.Count);
        Assert.Equal(3, jobs[1].Strategy!.Parallel);
    }
}
