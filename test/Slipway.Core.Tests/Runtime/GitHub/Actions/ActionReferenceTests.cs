using Slipway.Core.Diagnostics;
using Slipway.Core.Runtime.GitHub.Actions;

namespace Slipway.Core.Tests.Runtime.GitHub.Actions;

public sealed class ActionReferenceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("slw-actions-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void GHA_STEP_3_RepositoryReferenceWithPath()
    {
        var reference = Assert.IsType<RepositoryActionReference>(ActionReference.Parse("actions/cache/restore@v4"));
        Assert.Equal(("actions", "cache", "restore", "v4"), (reference.Owner, reference.Repository, reference.Path, reference.Ref));
        Assert.True(reference.Is("Actions/Cache"));
    }

    [Fact]
    public void GHA_STEP_3_LocalAndDockerReferences()
    {
        Assert.Equal("tools/greet", Assert.IsType<LocalActionReference>(ActionReference.Parse("./tools/greet/")).Path);
        Assert.Equal("alpine:3.20", Assert.IsType<DockerActionReference>(ActionReference.Parse("docker://alpine:3.20")).Image);
    }

    [Theory]
    [InlineData("badrepo@invalid")]
    [InlineData("docker://")]
    [InlineData("owner/repo")]
    [InlineData("owner/repo@")]
    public void GHA_STEP_3_W9_OtherFormsAreRejected(string uses)
    {
        Assert.Null(ActionReference.Parse(uses));
        Assert.Equal($"Expected format {{org}}/{{repo}}[/path]@ref. Actual '{uses}'", ActionReference.SyntaxMessage(uses));
    }

    [Fact]
    public void RepositoryActionIsFoundInTheActionsFolderLayout()
    {
        var folder = Path.Combine(_root, "actions", "octo", "hello", "v1", "sub");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "action.yaml"), "runs: {using: node20, main: x.js}");
        var found = ActionLocator.Locate(ActionReference.Parse("octo/hello/sub@v1")!, _root, Path.Combine(_root, "actions"), SourceLocation.None);
        Assert.True(found.IsSuccess);
        Assert.Equal(folder, found.Value);
    }

    [Fact]
    public void MissingRepositoryActionSaysWhereAndHowToFillTheFolder()
    {
        var actions = Path.Combine(_root, "actions");
        var found = ActionLocator.Locate(ActionReference.Parse("octo/hello@v1")!, _root, actions, new SourceLocation("w.yml", 9, 15));
        Assert.False(found.IsSuccess);
        Assert.Equal(ActionDiagnosticCodes.ActionNotFound, found.Error.Code);
        Assert.Equal(new SourceLocation("w.yml", 9, 15), found.Error.Location);
        Assert.Contains($"git clone --depth 1 -b v1 https://github.com/octo/hello {Path.Combine(actions, "octo", "hello", "v1")}", found.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GHA_ACT_5_LocalActionWithoutCheckoutIsAnError()
    {
        var found = ActionLocator.Locate(ActionReference.Parse("./missing")!, _root, _root, SourceLocation.None);
        Assert.False(found.IsSuccess);
        Assert.Contains("actions/checkout", found.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultFolderFollowsXdgCacheHome()
    {
        Assert.Equal(Path.Combine("/x", "slipway", "actions"), ActionLocator.DefaultDirectory(n => n == "XDG_CACHE_HOME" ? "/x" : null));
        Assert.Equal("/y", ActionLocator.DefaultDirectory(n => n == "SLIPWAY_ACTIONS_DIR" ? "/y" : null));
    }
}
