using Slipway.Core.Templates;
using Slipway.Core.Yaml;

namespace Slipway.Core.Tests.Templates;

/// <summary>
/// Pipelines written for these tests in the shapes of well-known public repositories (not copies):
/// each expands without diagnostics and keeps the key facts of its structure.
/// </summary>
public sealed class FixtureTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Templates", "Fixtures", name);

    private static YamlMapping Expand(string name, string root, TemplateOptions? options = null)
    {
        var folder = Fixture(name);
        var result = TemplateExpander.Expand(Path.Combine(folder, root), (options ?? TemplateOptions.Default) with { RepositoryRoot = folder });
        Assert.True(result.Diagnostics.Count == 0, string.Join('\n', result.Diagnostics) + "\n" + YamlDump.Write(result.Root));
        return Assert.IsType<YamlMapping>(result.Root);
    }

    private static TemplateOptions Predefined(params (string Name, string Value)[] variables) => new()
    {
        PredefinedVariables = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.OrdinalIgnoreCase),
    };

    private static readonly TemplateOptions InternalCi =
        Predefined(("System.TeamProject", "internal"), ("Build.Reason", "IndividualCI"), ("Build.SourceBranch", "refs/heads/main"));

    private static readonly TemplateOptions PublicPr =
        Predefined(("System.TeamProject", "public"), ("Build.Reason", "PullRequest"), ("Build.SourceBranch", "refs/pull/1/merge"));

    [Fact]
    public void Arcade_JobsTemplateIteratesJobsAndInjectsSteps()
    {
        var root = Expand("arcade", "azure-pipelines.yml", InternalCi);
        Assert.Equal(["build", "Validate", "publish_using_darc"], Tree.Values(root, "stages", "stage"));
        Assert.Equal(["Windows_NT", "Linux", "Asset_Registry_Publish"], Tree.Values(root, "stages[0].jobs", "job"));

        // job.yml wraps the caller's steps: MicroBuild first (internal CI), then the steps, then publishing.
        Assert.Equal(
            ["Install MicroBuild plugin", "<none>", "Build and Test", "Publish Test Results", "Publish Logs"],
            Tree.Values(root, "stages[0].jobs[0].steps", "displayName"));
        Assert.Equal("self", Tree.Text(root, "stages[0].jobs[0].steps[1].checkout"));
        Assert.Equal("Release", Tree.Text(root, "stages[0].jobs[0].strategy.matrix.Build_Release._BuildConfig"));
        Assert.Equal("windows-latest", Tree.Text(root, "stages[0].jobs[0].pool.vmImage"));

        // Variables: telemetry profile, then the job's own name/value and group entries.
        Assert.Equal(["DOTNET_CLI_TELEMETRY_PROFILE", "_InternalBuildArgs", "<none>"], Tree.Values(root, "stages[0].jobs[0].variables", "name"));
        Assert.Equal("Publish-Build-Assets", Tree.Text(root, "stages[0].jobs[0].variables[2].group"));

        // The Linux job has no strategy, keeps its container, and its Helix step template was resolved.
        var linux = Assert.IsType<YamlMapping>(Tree.At(root, "stages[0].jobs[1]"));
        Assert.Null(linux["strategy"]);
        Assert.Equal("mcr.microsoft.com/dotnet-buildtools/prereqs:ubuntu-22.04", Tree.Text(linux, "container"));
        Assert.Equal("Run Tests (Unix)", Tree.Text(linux, "steps[3].displayName"));
        Assert.Equal("pr/dotnet/arcade/$(Build.SourceBranch)", Tree.Text(linux, "steps[3].env.HelixSource"));
        Assert.Equal("and(succeeded(), ne(variables['Agent.Os'], 'Windows_NT'))", Tree.Text(linux, "steps[3].condition"));

        // publish-build-assets depends on every job given to jobs.yml.
        Assert.Equal(["Windows_NT", "Linux"], Tree.Items(root, "stages[0].jobs[2].dependsOn").Select(n => ((YamlScalar)n).Value));

        // Root variables: the variable template (with its if/else), then the internal branch.
        Assert.Equal("real", Tree.Text(root, "variables[2].value"));
        Assert.Equal("_RunAsInternal", Tree.Text(root, "variables[4].name"));
    }

    [Fact]
    public void Arcade_PostBuildStageTemplateUsesTypedParameters()
    {
        var root = Expand("arcade", "azure-pipelines.yml", InternalCi);
        Assert.Equal(["NuGetValidation", "SigningValidation", "SourceLinkValidation"], Tree.Values(root, "stages[1].jobs", "job"));
        Assert.Equal("build", Tree.Text(root, "stages[1].dependsOn[0]"));
        Assert.Equal("Validate", Tree.Text(root, "stages[2].dependsOn[0]"));
        Assert.Equal("echo validating with 3.0.0", Tree.Text(root, "stages[1].jobs[2].steps[0].script"));
        Assert.Contains("-PublishingInfraVersion 3", Tree.Text(root, "stages[2].jobs[0].steps[0].inputs.arguments"), StringComparison.Ordinal);
        Assert.Equal("False", Tree.Text(root, "stages[1].variables[1].value"));
    }

    [Fact]
    public void Arcade_PublicPullRequestLeavesOutInternalParts()
    {
        var root = Expand("arcade", "azure-pipelines.yml", PublicPr);
        Assert.Equal(["build"], Tree.Values(root, "stages", "stage"));
        Assert.Equal(["Windows_NT", "Linux"], Tree.Values(root, "stages[0].jobs", "job"));
        Assert.Equal(["<none>", "Build and Test", "Publish Test Results", "Publish Logs"], Tree.Values(root, "stages[0].jobs[0].steps", "displayName"));
        Assert.Equal("test", Tree.Text(root, "variables[2].value"));
        Assert.Equal("_RunAsPublic", Tree.Text(root, "variables[4].name"));
    }
}
