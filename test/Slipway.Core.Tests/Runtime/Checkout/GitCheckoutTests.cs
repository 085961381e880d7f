using Slipway.Core.Runtime.Checkout;
using Slipway.Core.Runtime.Repositories;

namespace Slipway.Core.Tests.Runtime.Checkout;

/// <summary>AZP-STEP-11: <c>checkout</c> with real git, from a local repository into a workspace folder.</summary>
[Collection(GitFixture.Collection)]
public sealed class GitCheckoutTests : IDisposable
{
    private readonly GitFixture _git = new();
    private readonly RecordingCheckoutLog _log = new();

    public void Dispose() => _git.Dispose();

    private Task<CheckoutResult> CheckoutAsync(
        string source, string target, CheckoutOptions? options = null, bool dirty = false, string? commit = null, IReadOnlyList<string>? excluded = null, GitCli? git = null) =>
        new GitCheckout(git ?? _git.Git, _log).RunAsync(new CheckoutRequest
        {
            SourceRoot = source,
            Commit = commit ?? _git.Head(source),
            TargetPath = target,
            Options = options ?? Options(),
            IncludeUncommittedChanges = dirty,
            Excluded = excluded ?? [],
        }, CancellationToken.None);

    private static CheckoutOptions Options(params (string Name, string Value)[] inputs)
    {
        var map = inputs.ToDictionary(i => i.Name, i => i.Value, StringComparer.OrdinalIgnoreCase);
        return CheckoutOptions.From(name => map.GetValueOrDefault(name));
    }

    private static void AssertSucceeded(CheckoutResult result) => Assert.True(result.Succeeded, result.Error);

    [Fact]
    public async Task AZP_STEP_11_SelfIsACleanCopyOfHeadAndTheSourceIsLeftUntouched()
    {
        var source = _git.NewRepo("app", ("src/a.txt", "committed"), ("README.md", "readme"));
        var head = _git.Head(source);
        File.WriteAllText(Path.Combine(source, "src", "a.txt"), "edited but not committed");
        File.WriteAllText(Path.Combine(source, "untracked.txt"), "new");
        var statusBefore = _git.Run(source, "status", "--porcelain");
        var refsBefore = _git.Run(source, "for-each-ref");
        var target = Path.Combine(_git.Root, "ws", "s");

        AssertSucceeded(await CheckoutAsync(source, target));

        Assert.Equal("committed", File.ReadAllText(Path.Combine(target, "src", "a.txt")));
        Assert.Equal("readme", File.ReadAllText(Path.Combine(target, "README.md")));
        Assert.False(File.Exists(Path.Combine(target, "untracked.txt")));
        Assert.Equal(head, _git.Head(target));
        Assert.Equal(string.Empty, _git.Run(target, "status", "--porcelain"));
        Assert.Equal("HEAD", _git.Run(target, "rev-parse", "--abbrev-ref", "HEAD").Trim()); // detached, as the agent leaves it
        Assert.Equal(statusBefore, _git.Run(source, "status", "--porcelain"));
        Assert.Equal(refsBefore, _git.Run(source, "for-each-ref"));
    }

    [Fact]
    public async Task AZP_STEP_11_DefaultFetchDepthIsOneCommit()
    {
        var source = _git.NewRepo("app", ("a.txt", "1"));
        _git.Commit(source, "second");
        _git.Commit(source, "third");
        var target = Path.Combine(_git.Root, "s");

        AssertSucceeded(await CheckoutAsync(source, target));

        Assert.Equal("true", _git.Run(target, "rev-parse", "--is-shallow-repository").Trim());
        Assert.Equal("1", _git.Run(target, "rev-list", "--count", "HEAD").Trim());
    }

    [Fact]
    public async Task AZP_STEP_11_FetchDepthLimitsHistoryAndZeroMeansFull()
    {
        var source = _git.NewRepo("app", ("a.txt", "1"));
        for (var i = 0; i < 4; i++)
        {
            _git.Commit(source, $"commit {i}");
        }

        var two = Path.Combine(_git.Root, "two");
        AssertSucceeded(await CheckoutAsync(source, two, Options(("fetchDepth", "2"))));
        Assert.Equal("2", _git.Run(two, "rev-list", "--count", "HEAD").Trim());

        var full = Path.Combine(_git.Root, "full");
        AssertSucceeded(await CheckoutAsync(source, full, Options(("fetchDepth", "0"))));
        Assert.Equal("5", _git.Run(full, "rev-list", "--count", "HEAD").Trim());
        Assert.Equal("false", _git.Run(full, "rev-parse", "--is-shallow-repository").Trim());
        Assert.Contains("refs/remotes/origin/main", _git.Run(full, "for-each-ref", "--format=%(refname)"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZP_STEP_11_FetchTagsControlsWhetherTagsArrive()
    {
        var source = _git.NewRepo("app", ("a.txt", "1"));
        _git.Run(source, "tag", "v1");
        _git.Run(source, "tag", "-a", "v1-annotated", "-m", "release");

        var without = Path.Combine(_git.Root, "without");
        AssertSucceeded(await CheckoutAsync(source, without));
        Assert.Equal(string.Empty, _git.Run(without, "tag").Trim());

        var with = Path.Combine(_git.Root, "with");
        AssertSucceeded(await CheckoutAsync(source, with, Options(("fetchTags", "true"))));
        Assert.Equal("v1,v1-annotated", string.Join(",", _git.Run(with, "tag").Split("\n", StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task AZP_STEP_11_CleanTrueWipesTheTargetFirst()
    {
        var source = _git.NewRepo("app", ("a.txt", "1"));
        var target = Path.Combine(_git.Root, "s");
        AssertSucceeded(await CheckoutAsync(source, target));
        File.WriteAllText(Path.Combine(target, "leftover.txt"), "from an earlier build");

        AssertSucceeded(await CheckoutAsync(source, target, Options(("clean", "false"))));
        Assert.True(File.Exists(Path.Combine(target, "leftover.txt"))); // clean: false keeps what the copy already had

        AssertSucceeded(await CheckoutAsync(source, target, Options(("clean", "true"))));
        Assert.False(File.Exists(Path.Combine(target, "leftover.txt")));
        Assert.True(File.Exists(Path.Combine(target, "a.txt")));
    }

    [Fact]
    public async Task AZP_STEP_11_ACopyIsUpdatedToANewCommitWithoutCleaning()
    {
        var source = _git.NewRepo("app", ("a.txt", "1"));
        var target = Path.Combine(_git.Root, "s");
        AssertSucceeded(await CheckoutAsync(source, target));
        GitFixture.Write(source, ("a.txt", "2"));
        var second = _git.Commit(source, "second");

        AssertSucceeded(await CheckoutAsync(source, target));

        Assert.Equal(second, _git.Head(target));
        Assert.Equal("2", File.ReadAllText(Path.Combine(target, "a.txt")));
    }

    [Fact]
    public async Task AZP_STEP_11_ATargetHoldingSomethingElseIsReplaced()
    {
        var source = _git.NewRepo("app", ("a.txt", "1"));
        var target = Path.Combine(_git.Root, "s");
        GitFixture.Write(target, ("stale.txt", "x"));

        AssertSucceeded(await CheckoutAsync(source, target));

        Assert.False(File.Exists(Path.Combine(target, "stale.txt")));
        Assert.True(File.Exists(Path.Combine(target, "a.txt")));
    }

    [Fact]
    public async Task AZP_STEP_11_DirtyBringsEditsDeletionsStagedAndUntrackedButNotIgnoredFiles()
    {
        var source = _git.NewRepo("app", ("edit.txt", "old"), ("gone.txt", "x"), ("keep.txt", "k"), (".gitignore", "*.log\n"));
        GitFixture.Write(source, ("edit.txt", "new"), ("new/untracked.txt", "u"), ("staged.txt", "s"), ("debug.log", "ignored"));
        _git.Run(source, "add", "staged.txt");
        File.Delete(Path.Combine(source, "gone.txt"));
        GitFixture.Write(source, (".slipway/runs/1/x.txt", "run folder"));
        var target = Path.Combine(_git.Root, "s");

        AssertSucceeded(await CheckoutAsync(source, target, dirty: true, excluded: [Path.Combine(source, ".slipway")]));

        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "edit.txt")));
        Assert.Equal("u", File.ReadAllText(Path.Combine(target, "new", "untracked.txt")));
        Assert.Equal("s", File.ReadAllText(Path.Combine(target, "staged.txt")));
        Assert.False(File.Exists(Path.Combine(target, "gone.txt")));
        Assert.Equal("k", File.ReadAllText(Path.Combine(target, "keep.txt")));
        Assert.False(File.Exists(Path.Combine(target, "debug.log")));
        Assert.False(Directory.Exists(Path.Combine(target, ".slipway")));
        Assert.Equal(_git.Head(source), _git.Head(target)); // still the HEAD commit, with the changes on top
    }

    [Fact]
    public async Task AZP_STEP_11_WithoutDirtyUncommittedChangesStayOut()
    {
        var source = _git.NewRepo("app", ("edit.txt", "old"));
        GitFixture.Write(source, ("edit.txt", "new"));
        var target = Path.Combine(_git.Root, "s");

        AssertSucceeded(await CheckoutAsync(source, target, dirty: false));

        Assert.Equal("old", File.ReadAllText(Path.Combine(target, "edit.txt")));
    }

    [Fact]
    public async Task AZP_STEP_11_AFolderThatIsNotARepositoryIsCopiedAsItIs()
    {
        var source = _git.NewFolder("plain");
        GitFixture.Write(source, ("a.txt", "1"), ("sub/b.txt", "2"), (".slipway/runs/x", "skip"));
        var target = Path.Combine(_git.Root, "s");

        AssertSucceeded(await CheckoutAsync(source, target, commit: string.Empty, excluded: [Path.Combine(source, ".slipway")]));

        Assert.Equal("2", File.ReadAllText(Path.Combine(target, "sub", "b.txt")));
        Assert.False(Directory.Exists(Path.Combine(target, ".slipway")));
    }

    [Fact]
    public async Task AZP_STEP_11_LfsNeedsGitLfsAndSaysSoWhenMissing()
    {
        var source = _git.NewRepo("app", ("a.txt", "1"));
        var target = Path.Combine(_git.Root, "s");
        // A PATH with only git on it: test.sh puts a git-lfs on the tests' PATH.
        var gitOnly = Directory.CreateDirectory(Path.Combine(_git.Root, "git-only-bin")).FullName;
        var git = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "git")).First(File.Exists);
        File.CreateSymbolicLink(Path.Combine(gitOnly, "git"), git);
        var withoutLfs = _git.Git.With([new("PATH", gitOnly)]);

        var result = await CheckoutAsync(source, target, Options(("lfs", "true")), git: withoutLfs);

        Assert.False(result.Succeeded);
        Assert.Equal(CheckoutDiagnosticCodes.LfsMissing, result.ErrorCode);
        Assert.Contains("git-lfs", result.Error, StringComparison.Ordinal);
        Assert.Contains("lfs: true", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZP_STEP_11_PersistCredentialsIsANoOpSaidAtDebugLevel()
    {
        var source = _git.NewRepo("app", ("a.txt", "1"));

        AssertSucceeded(await CheckoutAsync(source, Path.Combine(_git.Root, "s"), Options(("persistCredentials", "true"))));

        Assert.Contains(_log.Lines, l => l.StartsWith("##[debug]persistCredentials has no effect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AZP_STEP_11_CommandsAreLoggedAsCommands()
    {
        var source = _git.NewRepo("app", ("a.txt", "1"));

        AssertSucceeded(await CheckoutAsync(source, Path.Combine(_git.Root, "s")));

        Assert.Contains(_log.Lines, l => l.StartsWith("##[command]git fetch", StringComparison.Ordinal) && l.Contains("--depth=1", StringComparison.Ordinal));
        Assert.Contains(_log.Lines, l => l.StartsWith("##[command]git -c advice.detachedHead=false -c checkout.workers=0 checkout --force", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AZP_STEP_11_AMissingCommitFailsWithGitsReason()
    {
        var source = _git.NewRepo("app", ("a.txt", "1"));

        var result = await CheckoutAsync(source, Path.Combine(_git.Root, "s"), commit: new string('a', 40));

        Assert.False(result.Succeeded);
        Assert.Equal(CheckoutDiagnosticCodes.GitFailed, result.ErrorCode);
        Assert.Contains("git fetch failed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZP_STEP_11_CancellationStopsTheCheckout()
    {
        var source = _git.NewRepo("app", ("a.txt", "1"));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var result = await new GitCheckout(_git.Git, _log).RunAsync(new CheckoutRequest
        {
            SourceRoot = source,
            Commit = _git.Head(source),
            TargetPath = Path.Combine(_git.Root, "s"),
            Options = Options(),
        }, cts.Token);

        Assert.True(result.Canceled);
    }
}
