using Slipway.Core.Runtime.GitHub.Triggers;
using Slipway.Core.Runtime.Repositories;
using Slipway.Core.Tests.Runtime.Checkout;

namespace Slipway.Core.Tests.Runtime.GitHub.Triggers;

/// <summary>
/// HEAD's commit read in the repository reader's one <c>git log</c> (what a push from HEAD's parent is built from) is
/// the commit git's own log of that range gives: id, message, author, date, committer and changes.
/// </summary>
[Collection(GitFixture.Collection)]
public sealed class HeadReadTests : IDisposable
{
    private readonly GitFixture _git = new();

    public void Dispose() => _git.Dispose();

    [Fact]
    public void ReadWithHead_OrdinaryCommit_IsTheCommitGitLogsForTheParentRange()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"), ("docs/x.md", "x"));
        var parent = _git.Head(repo);
        GitFixture.Write(repo, ("src/new.cs", "n"), ("a.txt", "2"));
        File.Delete(Path.Combine(repo, "docs", "x.md"));
        _git.Commit(repo, "Add login\n\nLonger body.");

        var (info, head) = new RepositoryReader(_git.Git).ReadWithHead(repo);

        Assert.NotNull(head);
        Assert.Equal([parent], head.Parents);
        var expected = Assert.Single(new EventGit(_git.Git, repo).Commits(parent, info.SourceVersion, 10));
        AssertSame(expected, GitCommit.FromHead(info, head));
        Assert.Equal(["src/new.cs"], GitCommit.FromHead(info, head).Added);
        Assert.Equal("refs/heads/main", info.SourceBranch);
    }

    [Fact]
    public void ReadWithHead_RootCommit_ListsAllItsFilesAsAdded()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"), ("src/b.cs", "2"));

        var (info, head) = new RepositoryReader(_git.Git).ReadWithHead(repo);

        Assert.NotNull(head);
        Assert.Empty(head.Parents);
        var expected = Assert.Single(new EventGit(_git.Git, repo).Commits(null, info.SourceVersion, 10));
        AssertSame(expected, GitCommit.FromHead(info, head));
        Assert.Equal(["a.txt", "src/b.cs"], GitCommit.FromHead(info, head).Added.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReadWithHead_MergeCommit_HasBothParents_AndReadsAsRead()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        _git.Run(repo, "checkout", "--quiet", "-b", "topic");
        GitFixture.Write(repo, ("topic.txt", "t"));
        var topic = _git.Commit(repo, "On topic");
        _git.Run(repo, "checkout", "--quiet", "-");
        GitFixture.Write(repo, ("main.txt", "m"));
        var main = _git.Commit(repo, "On main");
        _git.Run(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "merge", "--quiet", "--no-ff", "-m", "Merge topic", "topic");

        var reader = new RepositoryReader(_git.Git);
        var (info, head) = reader.ReadWithHead(repo);

        Assert.NotNull(head);
        Assert.Equal([main, topic], head.Parents);
        Assert.Equal(reader.Read(repo), info, new InfoComparer());
        Assert.Equal("Merge topic", info.CommitMessage);
        Assert.Equal(main, info.ParentVersion);
    }

    [Fact]
    public void ReadWithHead_MessageWithTheLogsSeparators_IsKeptWhole()
    {
        var repo = _git.NewRepo("app", ("a.txt", "1"));
        var parent = _git.Head(repo);
        GitFixture.Write(repo, ("a.txt", "2"));
        const string Message = "Odd\u001fone\n\nwith \u001e in the body";
        _git.Commit(repo, Message);

        var (info, head) = new RepositoryReader(_git.Git).ReadWithHead(repo);

        Assert.Equal(Message, info.CommitMessage);
        Assert.NotNull(head);
        Assert.Equal([parent], head.Parents);
        Assert.Equal(["a.txt"], GitCommit.FromHead(info, head).Modified);
    }

    [Fact]
    public void ReadWithHead_NoCommits_NoDetails()
    {
        var repo = Path.Combine(_git.Root, "empty");
        Directory.CreateDirectory(repo);
        _git.Run(repo, "init", "--quiet", "-b", "main");

        var (info, head) = new RepositoryReader(_git.Git).ReadWithHead(repo);

        Assert.Null(head);
        Assert.Equal(string.Empty, info.SourceVersion);
    }

    private static void AssertSame(GitCommit expected, GitCommit actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        Assert.Equal(expected.AuthorName, actual.AuthorName);
        Assert.Equal(expected.AuthorEmail, actual.AuthorEmail);
        Assert.Equal(expected.CommitterName, actual.CommitterName);
        Assert.Equal(expected.CommitterEmail, actual.CommitterEmail);
        Assert.Equal(expected.Added, actual.Added);
        Assert.Equal(expected.Removed, actual.Removed);
        Assert.Equal(expected.Modified, actual.Modified);
    }

    // The fields both reads fill (Warnings is a list: compared by content).
    private sealed class InfoComparer : IEqualityComparer<GitRepositoryInfo>
    {
        public bool Equals(GitRepositoryInfo? x, GitRepositoryInfo? y) =>
            x is not null && y is not null && x.SourceVersion == y.SourceVersion && x.ParentVersion == y.ParentVersion
            && x.SourceBranch == y.SourceBranch && x.CommitMessage == y.CommitMessage && x.AuthorName == y.AuthorName
            && x.AuthorEmail == y.AuthorEmail && x.Name == y.Name && x.Id == y.Id && x.Tag == y.Tag
            && x.Warnings.Select(w => w.Message).SequenceEqual(y.Warnings.Select(w => w.Message));

        public int GetHashCode(GitRepositoryInfo obj) => obj.SourceVersion.GetHashCode(StringComparison.Ordinal);
    }
}
