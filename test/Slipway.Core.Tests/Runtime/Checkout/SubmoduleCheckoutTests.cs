using Slipway.Core.Runtime.Checkout;

namespace Slipway.Core.Tests.Runtime.Checkout;

/// <summary>AZP-STEP-11 <c>submodules: true | recursive</c>, with real nested submodules.</summary>
[Collection(GitFixture.Collection)]
public sealed class SubmoduleCheckoutTests : IDisposable
{
    private readonly GitFixture _git = new();

    public void Dispose() => _git.Dispose();

    /// <summary>app → libs/lib → deps/inner; app's .gitmodules points at a URL that does not resolve, so only the
    /// user's own checkout of the submodule can provide it.</summary>
    private string CreateAppWithNestedSubmodules()
    {
        var inner = _git.NewRepo("inner", ("inner.txt", "innermost"));
        var lib = _git.NewRepo("lib", ("lib.txt", "library"));
        _git.Run(lib, "-c", "protocol.file.allow=always", "submodule", "add", "--quiet", inner, "deps/inner");
        _git.Commit(lib, "add inner");
        var app = _git.NewRepo("app", ("app.txt", "application"));
        _git.Run(app, "-c", "protocol.file.allow=always", "submodule", "add", "--quiet", lib, "libs/lib");
        _git.Run(app, "-c", "protocol.file.allow=always", "submodule", "update", "--init", "--recursive", "--quiet");
        _git.Run(app, "config", "--file", ".gitmodules", "submodule.libs/lib.url", "https://invalid.invalid/lib.git");
        _git.Commit(app, "add lib");
        return app;
    }

    private async Task<(CheckoutResult Result, string Target)> CheckoutAsync(string app, string submodules)
    {
        var target = Path.Combine(_git.Root, "ws", submodules);
        var result = await new GitCheckout(_git.Git, new RecordingCheckoutLog()).RunAsync(new CheckoutRequest
        {
            SourceRoot = app,
            Commit = _git.Head(app),
            TargetPath = target,
            Options = CheckoutOptions.From(n => n == "submodules" ? submodules : null),
        }, CancellationToken.None);
        return (result, target);
    }

    [Fact]
    public async Task AZP_STEP_11_SubmodulesTrueChecksOutTopLevelSubmodulesFromTheLocalCopy()
    {
        var app = CreateAppWithNestedSubmodules();

        var (result, target) = await CheckoutAsync(app, "true");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("library", File.ReadAllText(Path.Combine(target, "libs", "lib", "lib.txt")));
        Assert.False(File.Exists(Path.Combine(target, "libs", "lib", "deps", "inner", "inner.txt"))); // not recursive
    }

    [Fact]
    public async Task AZP_STEP_11_SubmodulesRecursiveChecksOutNestedSubmodules()
    {
        var app = CreateAppWithNestedSubmodules();

        var (result, target) = await CheckoutAsync(app, "recursive");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("innermost", File.ReadAllText(Path.Combine(target, "libs", "lib", "deps", "inner", "inner.txt")));
    }

    [Fact]
    public async Task AZP_STEP_11_WithoutSubmodulesTheFolderStaysEmpty()
    {
        var app = CreateAppWithNestedSubmodules();

        var (result, target) = await CheckoutAsync(app, "false");

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(target, "libs", "lib")));
    }
}
