using Slipway.Core.Runtime.Repositories;

namespace Slipway.Core.Tests.Runtime.Checkout;

/// <summary>Spec 3.8 / AZP-VAR-80: the source variables of a local run, read from real git repositories.</summary>
[Collection(GitFixture.Collection)]
public sealed class RepositoryReaderTests : IDisposable
{
    private readonly GitFixture _git = new();

    public void Dispose() => _git.Dispose();

    private RepositoryReader Reader => new(_git.Git);

    [Fact]
    public void AZP_VAR_80_SourceVersionIsTheHeadCommitAndSourceBranchTheCurrentBranch()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        _git.Run(repo, "checkout", "--quiet", "-b", "feat/login");
        var head = _git.Commit(repo, "second");

        var info = Reader.Read(repo);

        Assert.True(info.IsGitRepository);
        Assert.Equal(head, info.SourceVersion);
        Assert.Equal("refs/heads/feat/login", info.SourceBranch);
        Assert.Equal("login", info.SourceBranchName); // last path segment (spec 3.8)
        Assert.False(info.IsDetached);
        Assert.Empty(info.Warnings);
    }

    [Fact]
    public void AZP_VAR_80_ReadsFromASubfolderOfTheWorkTree()
    {
        var repo = _git.NewRepo("app", ("src/deep/a.txt", "1"));

        var info = Reader.Read(Path.Combine(repo, "src", "deep"));

        Assert.Equal(repo, info.Root);
        Assert.Equal(_git.Head(repo), info.SourceVersion);
    }

    [Fact]
    public void AZP_VAR_80_DetachedAtATagGivesRefsTags()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        _git.Run(repo, "tag", "v1");
        _git.Run(repo, "checkout", "--quiet", "--detach", "v1");

        var info = Reader.Read(repo);

        Assert.Equal("refs/tags/v1", info.SourceBranch); // spec 3.8: Build.SourceBranch refs/tags/v1
        Assert.Equal("v1", info.SourceBranchName);
        Assert.Equal("v1", info.Tag);
        Assert.True(info.IsDetached);
    }

    [Fact]
    public void AZP_VAR_80_AnnotatedTagOnABranchIsReportedButTheBranchWins()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        _git.Run(repo, "tag", "-a", "v2.0", "-m", "release");

        var info = Reader.Read(repo);

        Assert.Equal("refs/heads/main", info.SourceBranch);
        Assert.Equal("v2.0", info.Tag);
    }

    [Fact]
    public void AZP_VAR_80_DetachedWithoutTagFallsBackToRefsHeadsHeadWithAWarning()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        _git.Commit(repo, "second");
        _git.Run(repo, "checkout", "--quiet", "--detach", "HEAD~1");

        var info = Reader.Read(repo);

        Assert.Equal(GitRepositoryInfo.DetachedBranch, info.SourceBranch);
        Assert.Equal("HEAD", info.SourceBranchName);
        Assert.Contains(info.Warnings, w => w.Code == RepositoryDiagnosticCodes.DetachedHead);
    }

    [Fact]
    public void AZP_VAR_80_BranchOverrideWinsOverTheCheckedOutBranch()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));

        Assert.Equal("refs/heads/release/1.0", Reader.Read(repo, "release/1.0").SourceBranch);
        Assert.Equal("refs/tags/v9", Reader.Read(repo, "refs/tags/v9").SourceBranch);
    }

    [Fact]
    public void AZP_VAR_80_SourceVersionMessageIsTheFirstLineAtMost200Characters()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        _git.Run(repo, "commit", "--quiet", "--allow-empty", "-m", "Fix the parser", "-m", "Details on a second paragraph.");

        var info = Reader.Read(repo);
        Assert.Equal("Fix the parser", info.SourceVersionMessage);
        Assert.Equal("Fix the parser\n\nDetails on a second paragraph.", info.CommitMessage);

        var longSubject = new string('x', 250);
        _git.Run(repo, "commit", "--quiet", "--allow-empty", "-m", longSubject);
        Assert.Equal(new string('x', 200), Reader.Read(repo).SourceVersionMessage);
    }

    [Fact]
    public void AZP_VAR_80_RequestedForIsGitUserNameElseTheCommitAuthor()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));

        var fromAuthor = Reader.Read(repo);
        Assert.Equal(GitFixture.AuthorName, fromAuthor.RequestedFor);
        Assert.Equal(GitFixture.AuthorEmail, fromAuthor.RequestedForEmail);

        _git.Run(repo, "config", "user.name", "Grace Requester");
        _git.Run(repo, "config", "user.email", "grace@example.com");
        var fromConfig = Reader.Read(repo);
        Assert.Equal("Grace Requester", fromConfig.RequestedFor);
        Assert.Equal("grace@example.com", fromConfig.RequestedForEmail);
        Assert.Equal(GitFixture.AuthorName, fromConfig.AuthorName);
    }

    [Fact]
    public void AZP_VAR_80_RepositoryNameUriAndProviderComeFromOrigin()
    {
        var repo = _git.NewRepo("local-folder", ("a.txt", "1"));
        _git.Run(repo, "remote", "add", "origin", "https://someone:s3cret@github.com/contoso/web-app.git");

        var info = Reader.Read(repo);

        Assert.Equal("contoso/web-app", info.Name);
        Assert.Equal("GitHub", info.Provider);
        Assert.Equal("contoso/web-app", info.Id);
        Assert.Equal("https://github.com/contoso/web-app.git", info.Uri);
        Assert.DoesNotContain("s3cret", info.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_VAR_80_WithoutOriginTheNameIsTheFolderAndProviderGit()
    {
        var repo = _git.NewRepo("my-service", ("a.txt", "1"));

        var info = Reader.Read(repo);

        Assert.Equal("my-service", info.Name);
        Assert.Equal("Git", info.Provider);
        Assert.StartsWith("file://", info.Uri, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(info.Id, out _));
        Assert.Equal(info.Id, Reader.Read(repo).Id); // stable across reads
    }

    [Fact]
    public void AZP_VAR_80_AFolderOutsideGitGivesFallbacksAndAWarning()
    {
        var folder = _git.NewFolder("plain");

        var info = Reader.Read(folder);

        Assert.False(info.IsGitRepository);
        Assert.Equal("plain", info.Name);
        Assert.Equal(string.Empty, info.SourceVersion);
        Assert.Equal(GitRepositoryInfo.DetachedBranch, info.SourceBranch);
        Assert.Contains(info.Warnings, w => w.Code == RepositoryDiagnosticCodes.NotAGitRepository);
    }

    [Fact]
    public void AZP_VAR_80_ARepositoryWithoutCommitsWarns()
    {
        var repo = _git.NewRepo("empty");

        var info = Reader.Read(repo);

        Assert.Equal(string.Empty, info.SourceVersion);
        Assert.Contains(info.Warnings, w => w.Code == RepositoryDiagnosticCodes.NoCommits);
    }

    [Fact]
    public void AZP_VAR_80_MissingGitIsAWarningNotACrash()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        var noGit = new GitCli(_git.Environment.Where(e => e.Key != "PATH").Append(new("PATH", _git.Root)));

        var info = new RepositoryReader(noGit).Read(repo);

        Assert.Equal(string.Empty, info.SourceVersion);
        Assert.Contains(info.Warnings, w => w.Code == RepositoryDiagnosticCodes.GitNotFound && w.Message.Contains("git was not found", StringComparison.Ordinal));
    }

    [Fact]
    public void AZP_VAR_80_PredefinedVariablesOfALocalRun()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        var info = Reader.Read(repo);

        var vars = RepositoryVariables.For(info).ToDictionary(v => v.Key, v => v.Value);

        Assert.Equal(info.SourceVersion, vars["Build.SourceVersion"]);
        Assert.Equal("refs/heads/main", vars["Build.SourceBranch"]);
        Assert.Equal("main", vars["Build.SourceBranchName"]);
        Assert.Equal("initial commit", vars["Build.SourceVersionMessage"]);
        Assert.Equal("Manual", vars["Build.Reason"]); // a local run is a manual run
        Assert.Equal(GitFixture.AuthorName, vars["Build.RequestedFor"]);
        Assert.DoesNotContain(vars.Keys, k => k.StartsWith("System.PullRequest.", StringComparison.Ordinal));
    }

    [Fact]
    public void ParentVersion_IsHeadsFirstParent_AndNullForARootCommit()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        var root = _git.Head(repo);
        Assert.Null(Reader.Read(repo).ParentVersion);

        _git.Run(repo, "checkout", "--quiet", "-b", "side");
        var side = _git.Commit(repo, "side");
        _git.Run(repo, "checkout", "--quiet", "main");
        var first = _git.Commit(repo, "main moves on");
        _git.Run(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "merge", "--quiet", "--no-ff", "-m", "merge", "side");

        var info = Reader.Read(repo);

        Assert.NotEqual(root, info.SourceVersion);
        Assert.Equal(first, info.ParentVersion); // the first parent, not the merged branch's
        Assert.NotEqual(side, info.ParentVersion);
        Assert.Equal("merge", info.CommitMessage);
    }
}
