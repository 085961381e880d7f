using Slipway.Core.Planning;
using Slipway.Core.Runtime.Checkout;
using Slipway.Core.Tests.Pipelines;

namespace Slipway.Core.Tests.Runtime.Checkout;

/// <summary>AZP-STEP-11 inputs and AZP-STEP-12 multi-repo layout and variables.</summary>
public sealed class CheckoutLayoutTests
{
    private static readonly string Workspace = Path.Combine(Path.GetTempPath(), "ws", "1");

    private static CheckoutOptions Options(params (string Name, string Value)[] inputs)
    {
        var map = inputs.ToDictionary(i => i.Name, i => i.Value, StringComparer.OrdinalIgnoreCase);
        return CheckoutOptions.From(name => map.GetValueOrDefault(name));
    }

    [Fact]
    public void AZP_STEP_11_InputsAreReadAsTheAgentReadsThem()
    {
        var defaults = Options(("repository", "self"));
        Assert.Equal(1, defaults.FetchDepth); // new pipelines: shallow, depth 1
        Assert.False(defaults.FetchTags);
        Assert.Null(defaults.Clean);
        Assert.Equal(SubmoduleMode.None, defaults.Submodules);

        Assert.Equal(0, Options(("fetchDepth", "0")).FetchDepth);
        Assert.Equal(0, Options(("fetchDepth", "-3")).FetchDepth);
        Assert.Equal(0, Options(("fetchDepth", "many")).FetchDepth);
        Assert.Equal(10, Options(("fetchDepth", "10")).FetchDepth);
        Assert.Equal(SubmoduleMode.Recursive, Options(("submodules", "Recursive")).Submodules);
        Assert.Equal(SubmoduleMode.TopLevel, Options(("submodules", "true")).Submodules);
        Assert.Equal(SubmoduleMode.None, Options(("submodules", "false")).Submodules);
        Assert.True(Options(("clean", "True")).Clean);
        Assert.False(Options(("clean", "yes")).Clean);
        Assert.True(Options(("repository", "None")).IsNone);
    }

    [Fact]
    public void AZP_STEP_12_OneCheckoutGoesToS()
    {
        var (path, error) = CheckoutLayout.TargetFolder(Workspace, Options(), "contoso/app", multipleCheckouts: false);

        Assert.Null(error);
        Assert.Equal(Path.Combine(Workspace, "s"), path);
    }

    [Fact]
    public void AZP_STEP_12_SeveralCheckoutsGoToSSlashRepoName()
    {
        Assert.Equal(Path.Combine(Workspace, "s", "app"), CheckoutLayout.TargetFolder(Workspace, Options(), "contoso/app", true).Path);
        Assert.Equal(Path.Combine(Workspace, "s", "Tools"), CheckoutLayout.TargetFolder(Workspace, Options(), "Tools", true).Path);
    }

    [Fact]
    public void AZP_STEP_11_PathIsRelativeToPipelineWorkspaceAndMustStayInside()
    {
        Assert.Equal(Path.Combine(Workspace, "src", "app"), CheckoutLayout.TargetFolder(Workspace, Options(("path", "src/app")), "app", true).Path);

        var (path, error) = CheckoutLayout.TargetFolder(Workspace, Options(("path", "../elsewhere")), "app", false);
        Assert.Null(path);
        Assert.Contains("must resolve to a folder under", error, StringComparison.Ordinal);
        Assert.NotNull(CheckoutLayout.TargetFolder(Workspace, Options(("path", "/etc")), "app", false).Error);
    }

    [Fact]
    public void AZP_STEP_12_OneCheckoutMovesSourcesDirectoryLocalPathAndDefaultWorkingDirectory()
    {
        var vars = CheckoutLayout.VariablesAfterCheckout(isSelf: true, multipleCheckouts: false, "/w/1/s/custom").ToDictionary();

        Assert.Equal("/w/1/s/custom", vars["Build.SourcesDirectory"]);
        Assert.Equal("/w/1/s/custom", vars["Build.Repository.LocalPath"]);
        Assert.Equal("/w/1/s/custom", vars["System.DefaultWorkingDirectory"]);
    }

    [Fact]
    public void AZP_STEP_12_WithSeveralCheckoutsOnlySelfMovesLocalPathAndSourcesDirectoryStays()
    {
        var self = CheckoutLayout.VariablesAfterCheckout(isSelf: true, multipleCheckouts: true, "/w/1/s/app").ToDictionary();
        Assert.Equal("Build.Repository.LocalPath", Assert.Single(self.Keys));
        Assert.Empty(CheckoutLayout.VariablesAfterCheckout(isSelf: false, multipleCheckouts: true, "/w/1/s/tools"));
    }

    [Fact]
    public void AZP_STEP_12_CheckoutNoneDoesNotCountAsASecondCheckout()
    {
        var single = Azure.Valid("steps:\n- checkout: self\n- checkout: none\n- script: echo\n").AllJobs.Single();
        var multi = Azure.Valid("resources:\n  repositories:\n  - repository: tools\n    type: git\n    name: Tools\nsteps:\n- checkout: self\n- checkout: tools\n").AllJobs.Single();

        Assert.False(CheckoutLayout.HasMultipleCheckouts(single.Steps));
        Assert.True(CheckoutLayout.HasMultipleCheckouts(multi.Steps));
    }

    [Fact]
    public void AZP_STEP_11_JobStartVariablesComeFromTheSelfCheckout()
    {
        var vars = CheckoutLayout.VariablesAtJobStart([Options(("repository", "tools")), Options(("repository", "self"), ("clean", "true"), ("submodules", "true"))]).ToDictionary();

        Assert.Equal("True", vars["Build.Repository.Clean"]);
        Assert.Equal("True", vars["Build.Repository.Git.SubmoduleCheckout"]);
        Assert.Empty(CheckoutLayout.VariablesAtJobStart([Options(("repository", "a")), Options(("repository", "b"))]));
    }

    [Fact]
    public void AZP_STEP_12_DisplayNameIsTheAgentsCheckoutRepoAtBranchToPath() =>
        Assert.Equal("Checkout app@main to s", CheckoutLayout.DisplayName("app", "refs/heads/main", "/w/1", "/w/1/s"));
}
