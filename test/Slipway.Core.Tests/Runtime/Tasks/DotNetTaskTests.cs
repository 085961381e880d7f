using Slipway.Core.Runs;
using Slipway.Core.Runtime.Tasks.DotNet;
using Slipway.Core.Runtime.Tasks.Tools;

namespace Slipway.Core.Tests.Runtime.Tasks;

/// <summary>
/// DotNetCoreCLI@2 with the real dotnet on a tiny library and xUnit project written into the sources
/// folder (restored offline from the machine's NuGet cache), and UseDotNet@2 against the installed SDKs
/// (TASKREF dotnet-core-cli-v2, use-dotnet-v2).
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(HeavyProcesses.Name)]
public sealed class DotNetTaskTests(DotNetProjects projects) : IClassFixture<DotNetProjects>
{
    [Fact]
    public void TaskRef_DotNetCoreCLI2_BuildRunsDotnetBuildPerMatchedProject()
    {
        Assert.True(projects.Build.Result == RunResult.Succeeded, projects.BuildLog);
        Assert.True(File.Exists(Path.Combine(projects.Harness.Sources, "Lib", "bin", "Debug", "net10.0", "Lib.dll")));
        Assert.Contains("dotnet build " + Path.Combine(projects.Harness.Sources, "Lib.Tests", "Lib.Tests.csproj"), projects.BuildLog, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4", RunResult.Succeeded, 2, 0)]
    [InlineData("5", RunResult.Failed, 1, 1)]
    public async Task TaskRef_DotNetCoreCLI2_TestPublishesTrxResultsEvenWhenTestsFail(string expected, RunResult result, int passed, int failed)
    {
        var h = projects.Harness;
        h.Environment["CALC_EXPECT"] = expected;
        var before = h.Services.TestResults.TestRuns.Count;
        var test = await h.RunAsync(new DotNetCoreCliHandler(), "DotNetCoreCLI", 2, ("command", "test"), ("projects", "**/*.Tests.csproj"), ("arguments", "--no-build"));
        Assert.True(test.Result == result, h.Log.Text);
        var run = h.Services.TestResults.TestRuns[before];
        Assert.Equal((2, passed, failed), (run.Total, run.Passed, run.Failed));
    }

    [Fact]
    public async Task TaskRef_DotNetCoreCLI2_PackIntoArtifactStaging_PublishZipsPerProject()
    {
        var h = projects.Harness;
        var pack = await h.RunAsync(new DotNetCoreCliHandler(), "DotNetCoreCLI", 2, ("command", "pack"), ("packagesToPack", "Lib/Lib.csproj"));
        Assert.True(pack.Result == RunResult.Succeeded, h.Log.Text);
        Assert.Single(Directory.GetFiles(h.Workspace.ArtifactStagingDirectory, "Lib.*.nupkg"));

        var publish = await h.RunAsync(
            new DotNetCoreCliHandler(), "DotNetCoreCLI", 2,
            ("command", "publish"), ("publishWebProjects", "false"), ("projects", "Lib/Lib.csproj"), ("arguments", "--output pub"));
        Assert.True(publish.Result == RunResult.Succeeded, h.Log.Text);

        // modifyOutputPath and zipAfterPublish (both true by default): pub/Lib.zip, the folder removed.
        Assert.True(File.Exists(Path.Combine(h.Sources, "pub", "Lib.zip")));
        Assert.False(Directory.Exists(Path.Combine(h.Sources, "pub", "Lib")));
    }

    [Fact]
    public async Task TaskRef_DotNetCoreCLI2_NoMatchingProjectFails()
    {
        using var h = new TaskHarness();
        var outcome = await h.RunAsync(new DotNetCoreCliHandler(), "DotNetCoreCLI", 2, ("command", "build"), ("projects", "**/*.csproj"));
        Assert.Equal(RunResult.Failed, outcome.Result);
        Assert.Contains("**/*.csproj", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskRef_UseDotNet2_InstalledMajorAcceptedElseErrorListsInstalled()
    {
        using var h = new TaskHarness();
        var ok = await h.RunAsync(new UseDotNetHandler(), "UseDotNet", 2, ("version", "10.x"));
        Assert.Equal(RunResult.Succeeded, ok.Result);
        Assert.Single(h.Variables.PrependedPaths);
        var missing = await h.RunAsync(new UseDotNetHandler(), "UseDotNet", 2, ("version", "1.0.x"));
        Assert.Equal(RunResult.Failed, missing.Result);
        Assert.Contains("Installed .NET SDK versions: 10.", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskRef_UseDotNet2_UseGlobalJson()
    {
        using var h = new TaskHarness();
        h.Source("global.json", """{ "sdk": { "version": "1.0.100" } }""");
        var outcome = await h.RunAsync(new UseDotNetHandler(), "UseDotNet", 2, ("useGlobalJson", "true"));
        Assert.Equal(RunResult.Failed, outcome.Result);
        Assert.Contains("'1.0.100'", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskRef_NodeTool0_NodeOnPathAcceptedWhenItMatches()
    {
        using var h = new TaskHarness();
        var ok = await h.RunAsync(new NodeToolHandler(), "NodeTool", 0, ("versionSpec", ">=0"));
        Assert.Equal(RunResult.Failed, ok.Result);   // ranges with operators are not x-ranges: only exact and x-ranges are accepted
        var any = await h.RunAsync(new NodeToolHandler(), "NodeTool", 0, ("versionSpec", "*"));
        Assert.True(any.Result == RunResult.Succeeded, any.Message);
        Assert.Single(h.Variables.PrependedPaths);
    }
}

/// <summary>Version specs of the tool installer tasks (TASKREF use-dotnet-v2 "version": 8.x, 8.0.x, exact).</summary>
public sealed class VersionSpecTests
{
    [Theory]
    [InlineData("8.x", "8.0.404", true)]
    [InlineData("8.x", "9.0.100", false)]
    [InlineData("10.0.x", "10.0.401", true)]
    [InlineData("10.0.x", "10.1.100", false)]
    [InlineData("10.0.401", "10.0.401", true)]
    [InlineData("10", "10.0.401", true)]
    [InlineData("v20.x", "20.20.2", true)]
    [InlineData("9.x", "9.0.100-rc.1.24452.12", false)]
    public void TaskRef_UseDotNet2_VersionSpecs(string spec, string version, bool matches) =>
        Assert.Equal(matches, VersionSpec.Matches(spec, version));

    [Fact]
    public void TaskRef_UseDotNet2_IncludePreviewVersionsAllowsPrereleases() =>
        Assert.True(VersionSpec.Matches("9.x", "9.0.100-rc.1.24452.12", includePreviews: true));

    [Fact]
    public void TaskRef_UseDotNet2_HighestMatchingVersionWins() =>
        Assert.Equal("8.0.404", VersionSpec.Highest("8.x", ["8.0.100", "8.0.404", "8.0.3", "9.0.100"]));
}

/// <summary>A tiny library and xUnit project in one harness, built once with DotNetCoreCLI@2 (restored offline
/// from the machine's NuGet cache); the test's expected value comes from CALC_EXPECT so one build serves a
/// passing and a failing run.</summary>
public sealed class DotNetProjects : IDisposable
{
    private const string LibProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
        </Project>
        """;

    private const string TestProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework><IsPackable>false</IsPackable></PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />
            <PackageReference Include="xunit" Version="2.9.3" />
            <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
          </ItemGroup>
          <ItemGroup><ProjectReference Include="../Lib/Lib.csproj" /></ItemGroup>
        </Project>
        """;

    public DotNetProjects()
    {
        Harness = new TaskHarness();
        Harness.Source("Lib/Lib.csproj", LibProject);
        Harness.Source("Lib/Calc.cs", "namespace Lib; public static class Calc { public static int Add(int a, int b) => a + b; }");
        Harness.Source("Lib.Tests/Lib.Tests.csproj", TestProject);
        Harness.Source("Lib.Tests/CalcTests.cs", """
            namespace Lib.Tests;
            public class CalcTests
            {
                [Xunit.Fact] public void Adds() => Xunit.Assert.Equal(3, Lib.Calc.Add(1, 2));
                [Xunit.Fact] public void FromEnvironment() => Xunit.Assert.Equal(System.Environment.GetEnvironmentVariable("CALC_EXPECT"), Lib.Calc.Add(2, 2).ToString());
            }
            """);
        Build = Harness.RunAsync(new DotNetCoreCliHandler(), "DotNetCoreCLI", 2, ("command", "build"), ("projects", "**/*.Tests.csproj")).GetAwaiter().GetResult();
        BuildLog = Harness.Log.Text;
    }

    internal TaskHarness Harness { get; }

    internal Slipway.Core.Runtime.Steps.StepOutcome Build { get; }

    public string BuildLog { get; }

    public void Dispose() => Harness.Dispose();
}

/// <summary>Tests that run real builds: alone, after the parallel tests, so they do not slow timing-sensitive tests down.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyProcesses
{
    public const string Name = "Heavy processes (dotnet builds)";
}
