using Slipway.Core.Pipelines.Azure;
using Slipway.Core.Planning;

namespace Slipway.Core.Tests.Pipelines;

/// <summary>The example pipelines the README uses must stay valid, and their plans must have the shape they describe.</summary>
public sealed class ExamplesTests
{
    public static TheoryData<string> Files => [.. Directory.GetDirectories(RepoPaths.Examples).Select(d => Path.GetFileName(d) ?? d).Order(StringComparer.Ordinal)];

    internal static CompileResult CompileExample(string name) =>
        AzurePipelineCompiler.CreateDefault().Compile(new CompileRequest { FilePath = Path.Combine(RepoPaths.Examples, name, "azure-pipelines.yml"), DisplayPath = $"{name}/azure-pipelines.yml" });

    [Theory]
    [MemberData(nameof(Files))]
    public void Example_IsValid_WithoutWarnings(string name)
    {
        var result = CompileExample(name);
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Plan);
    }

    [Fact]
    public void DotnetWebapp_HasBuildThenTwoDeploymentStages()
    {
        var plan = CompileExample("dotnet-app").Plan!;
        Assert.Equal(["Build", "Staging", "Production"], plan.Stages.Select(s => s.Name));
        Assert.Equal(["Build"], plan.Stages[1].DependsOn);
        Assert.Equal(JobKind.Deployment, plan.Stages[2].Jobs[0].Kind);
        Assert.Equal("production", plan.Stages[2].Jobs[0].Deployment!.Environment.Name);
    }

    [Fact]
    public void FanOutFanIn_HasTheDocumentedGraph()
    {
        var plan = CompileExample("fan-out-fan-in").Plan!;
        var deps = plan.Stages.ToDictionary(s => s.Name, s => s.DependsOn);
        Assert.Equal(["Prepare"], deps["UnitTests"]);
        Assert.Equal(["Prepare"], deps["Lint"]);
        Assert.Equal(["UnitTests", "Lint"], deps["Package"]);
        Assert.Equal("always()", plan.Stages[^1].Condition!.Text);
    }

    [Fact]
    public void MatrixBuild_HasThreeLegsAndThreeSlices()
    {
        var jobs = CompileExample("matrix-build").Plan!.Stages[0].Jobs;
        Assert.Equal(3, jobs[0].Strategy!.Matrix.Count);
        Assert.Equal(3, jobs[1].Strategy!.Parallel);
    }
}
