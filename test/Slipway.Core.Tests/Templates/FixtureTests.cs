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
    [Fact]
    public void PowerShell_StageTemplatesWithParametersProduceOneJobPerPurposeAndTagSet()
    {
        var root = Expand("powershell", ".vsts-ci/windows-ci.yml");
        Assert.Equal(["BuildWin", "TestWin", "TestWinArm", "CodeCovTestPackage"], Tree.Values(root, "stages", "stage"));
        Assert.Equal(
            ["win_test_UnelevatedPesterTests_CI", "win_test_UnelevatedPesterTests_Others", "win_test_ElevatedPesterTests_CI"],
            Tree.Values(root, "stages[1].jobs", "job"));
        Assert.Equal("BuildWin", Tree.Text(root, "stages[1].dependsOn"));
        Assert.Equal("windows-11-arm", Tree.Text(root, "stages[2].jobs[0].pool.vmImage"));
        Assert.Empty(Tree.Items(root, "stages[3].dependsOn"));

        // The nested step template is inlined in both job templates; the test step carries the parameters.
        Assert.Equal(
            ["Capture Environment", "Download build artifacts", "Switch to public feeds", "Install .NET", "Test"],
            Tree.Values(root, "stages[1].jobs[1].steps", "displayName"));
        Assert.Contains("Invoke-CITest -Purpose 'UnelevatedPesterTests' -TagSet 'Others' -TitlePrefix 'win_test'",
            Tree.Text(root, "stages[1].jobs[1].steps[4].pwsh"), StringComparison.Ordinal);
        Assert.Equal("windows-latest", Tree.Text(root, "stages[0].jobs[0].pool.vmImage"));
        Assert.Equal("PR-$(System.PullRequest.PullRequestNumber)-$(Date:yyyyMMdd)$(Rev:.rr)", Tree.Text(root, "name"));
    }

    [Fact]
    public void WindowsTerminal_ExtendsTheOneEsTemplateFromAnotherRepositoryWithTemplateContext()
    {
        var options = new TemplateOptions
        {
            Repositories = new Dictionary<string, string> { ["1ESPipelineTemplates"] = Fixture("onees-templates") },
            Parameters = new Dictionary<string, string> { ["branding"] = "Preview", ["buildPlatforms"] = "[x64, arm64]" },
        };
        var root = Expand("terminal", "build/pipelines/release.yml", options);
        Assert.Null(root["extends"]);
        Assert.Equal("none", Tree.Text(root, "trigger"));
        Assert.Equal(["Build", "Package", "Publish"], Tree.Values(root, "stages", "stage"));
        Assert.Equal(["Build_x64", "Build_arm64"], Tree.Values(root, "stages[0].jobs", "job"));

        // The wrapper dropped templateContext, applied the default pool, and injected its steps around the job's.
        var job = Assert.IsType<YamlMapping>(Tree.At(root, "stages[0].jobs[1]"));
        Assert.Null(job["templateContext"]);
        Assert.Equal("SHINE-INT-L", Tree.Text(job, "pool.name"));
        Assert.Equal("Build arm64 Release", Tree.Text(job, "displayName"));
        Assert.Equal("arm64", Tree.Text(job, "strategy.matrix.Release_arm64.BuildPlatform"));
        Assert.Equal(
            ["<none>", "1ES: CredScan", "1ES: tag 1ES.PT.ViaStartRight", "Package ES - Setup Build", "Set version numbers",
             "Build solution **\\OpenConsole.sln", "Check MSIX for common regressions",
             "1ES: publish $(JobOutputArtifactName)", "1ES: publish appx-$(BuildConfiguration)"],
            Tree.Values(job, "steps", "displayName"));
        Assert.Equal("/p:WindowsTerminalBranding=Preview True", Tree.Text(job, "steps[5].inputs.msbuildArgs"));
        Assert.Equal("$(Build.ArtifactStagingDirectory)/appx", Tree.Text(job, "steps[8].inputs.targetPath"));

        // Nodes keep the file they were written in, across repositories.
        Assert.Equal("v1/1ES.Official.PipelineTemplate.yml@1ESPipelineTemplates", Tree.At(job, "steps[1].task")!.Location.File);
        Assert.Equal("build/pipelines/templates-v2/job-build-project.yml", Tree.At(job, "steps[5].task")!.Location.File);

        Assert.Equal(["Download artifacts for x64", "Download artifacts for arm64", "Create msixbundle", "1ES: publish appxbundle-Preview"],
            Tree.Values(root, "stages[1].jobs[0].steps", "displayName").Skip(3));
        Assert.Equal(2, Tree.Values(root, "stages[2].jobs[0].steps", "task").Count(t => t == "PublishSymbols@2"));
    }

    [Fact]
    public void NuGet_StageTemplateWithTypedParametersAndPerOsJobTemplates()
    {
        var root = Expand("nuget", "eng/pipelines/official.yml");
        Assert.Equal(["Initialize", "Build", "Apex"], Tree.Values(root, "stages", "stage"));
        Assert.Equal(["Build_and_UnitTest_NonRTM", "Tests_On_Windows", "Tests_On_Linux"], Tree.Values(root, "stages[1].jobs", "job"));
        Assert.Equal("/t:RestoreAndBuild /p:BuildRTM=False /p:SigningType=real", Tree.Text(root, "stages[1].jobs[0].steps[1].inputs.msbuildArguments"));
        Assert.Equal("OneLocBuild@2", Tree.Text(root, "stages[1].jobs[0].steps[3].task"));
        Assert.Equal(
            ["UnitTests on Windows", "FunctionalTests on Windows", "Cross framework tests"],
            Tree.Values(root, "stages[1].jobs[1].steps", "displayName"));
        Assert.Equal(["UnitTests on Linux"], Tree.Values(root, "stages[1].jobs[2].steps", "displayName"));
        Assert.Equal("ubuntu-latest", Tree.Text(root, "stages[1].jobs[2].pool.vmImage"));
        Assert.Equal("$[stageDependencies.Initialize.GetSemanticVersion.outputs['setsemanticversion.BuildNumber']]", Tree.Text(root, "stages[1].variables.BuildNumber"));
        Assert.Equal("Apex tests on Production", Tree.Text(root, "stages[2].jobs[0].displayName"));
        Assert.Equal("cs,de,es,fr,it,ja,ko,pl,pt-BR,ru,tr,zh-Hans,zh-Hant", Tree.Text(root, "variables.LocalizationLanguages"));
    }

    [Fact]
    public void NuGet_RuntimeParametersChangeTheShape()
    {
        var options = new TemplateOptions
        {
            Parameters = new Dictionary<string, string>
            {
                ["RunTestsOnMac"] = "true",
                ["RunFunctionalTestsOnWindows"] = "false",
                ["NuGetLocalizationType"] = "Pseudo",
                ["DartLabEnvironment"] = "Staging",
            },
        };
        var root = Expand("nuget", "eng/pipelines/official.yml", options);
        Assert.Equal(["Build_and_UnitTest_NonRTM", "Tests_On_Windows", "Tests_On_Linux", "Tests_On_Mac"], Tree.Values(root, "stages[1].jobs", "job"));
        Assert.Equal("macos-latest", Tree.Text(root, "stages[1].jobs[3].pool.vmImage"));
        Assert.Equal(["UnitTests on Windows", "Cross framework tests"], Tree.Values(root, "stages[1].jobs[1].steps", "displayName"));
        Assert.Equal("Pseudo-localize", Tree.Text(root, "stages[1].jobs[0].steps[3].displayName"));
        Assert.Equal("qps-ploc", Tree.Text(root, "variables.LocalizationLanguages"));
        Assert.Equal("echo Apex on Staging", Tree.Text(root, "stages[2].jobs[0].steps[0].script"));
    }

    [Fact]
    public void AzureSdk_ArchetypeExtendsWithEachOverArtifactsAndDeploymentJobs()
    {
        var root = Expand("azure-sdk", "sdk/storage/ci.yml", InternalCi);
        Assert.Equal(
            ["Build", "Release_azurestorageblob", "Release_azurestoragequeue", "Release_azurestoragefileshare"],
            Tree.Values(root, "stages", "stage"));
        Assert.Equal("Is1ES", Tree.Text(root, "variables[0].name"));
        Assert.Equal(["Build", "Analyze", "Test_Python_ci_test_base", "Test_Python_ci_test_ubuntu"], Tree.Values(root, "stages[0].jobs", "job"));
        Assert.Equal("OfficialBuildId", Tree.Text(root, "stages[0].variables[0].name"));
        Assert.Equal("sdk/storage/azure-storage-file-share", Tree.Text(root, "stages[0].jobs[0].steps[3].workingDirectory"));
        Assert.Equal("120", Tree.Text(root, "stages[0].jobs[2].timeoutInMinutes"));
        Assert.Equal(2, Tree.Items(root, "stages[0].jobs[1].steps").Count);

        // Deployment jobs per artifact; the queue package skips the docs deployment.
        Assert.Equal(["TagRepository", "PublishDocs"], Tree.Values(root, "stages[1].jobs", "deployment"));
        Assert.Equal(["TagRepository"], Tree.Values(root, "stages[2].jobs", "deployment"));
        var deploySteps = Tree.Items(root, "stages[1].jobs[0].strategy.runOnce.deploy.steps");
        Assert.Equal("self", Tree.Text(deploySteps[0], "checkout"));
        Assert.Equal("Retain pipeline run", Tree.Text(deploySteps[1], "displayName"));
        Assert.StartsWith("-artifactLocation $(Pipeline.Workspace)/packages/azure-storage-blob -packageRepository PyPI",
            Tree.Text(deploySteps[2], "inputs.arguments"), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureSdk_PullRequestsHaveNoReleaseStages()
    {
        var root = Expand("azure-sdk", "sdk/storage/ci.yml", PublicPr);
        Assert.Equal(["Build"], Tree.Values(root, "stages", "stage"));
    }
}
