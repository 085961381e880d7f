using Slipway.Core.Runtime.Tasks.Files;

namespace Slipway.Core.Tests.Runtime.Tasks;

/// <summary>Pattern semantics of azure-pipelines-task-lib's match (minimatch with dot: true, nobrace), TASKLIB node/internal.ts.</summary>
public sealed class GlobMatchingTests
{
    [Theory]
    [InlineData("**", "a/b/c.txt", true)]
    [InlineData("**/*.txt", "c.txt", true)]
    [InlineData("**/*.txt", "a/b/c.txt", true)]
    [InlineData("*.txt", "a/c.txt", false)]
    [InlineData("a/*/c.txt", "a/b/c.txt", true)]
    [InlineData("a/*/c.txt", "a/b/x/c.txt", false)]
    [InlineData("file?.log", "file1.log", true)]
    [InlineData("file?.log", "file10.log", false)]
    [InlineData("[ab].txt", "a.txt", true)]
    [InlineData("[ab].txt", "c.txt", false)]
    [InlineData("[!ab].txt", "c.txt", true)]
    [InlineData("a/**", "a", true)]
    [InlineData("{a,b}.txt", "a.txt", false)]
    public void TaskLib_Match_MinimatchSemantics(string pattern, string path, bool expected) =>
        Assert.Equal(expected, GlobPattern.Create(pattern).IsMatch(path));

    [Theory]
    [InlineData("**", ".git/config")]
    [InlineData("*", ".hidden")]
    [InlineData("**/*.json", "src/.vscode/settings.json")]
    public void TaskLib_Match_DotTrueMatchesHiddenFiles(string pattern, string path) =>
        Assert.True(GlobPattern.Create(pattern).IsMatch(path));

    [Theory]
    [InlineData("**", ".git/config")]
    [InlineData("*", ".hidden")]
    [InlineData("**/*.json", "src/.vscode/settings.json")]
    public void DeleteFiles1_WithoutRemoveDotFiles_WildcardsSkipDotNames(string pattern, string path) =>
        Assert.False(GlobPattern.Create(pattern, dot: false).IsMatch(path));

    [Fact]
    public void DeleteFiles1_WithoutRemoveDotFiles_ExplicitDotNameStillMatches() =>
        Assert.True(GlobPattern.Create(".hidden", dot: false).IsMatch(".hidden"));

    [Fact]
    public void TaskLib_Match_ExclusionRemovesEarlierIncludes()
    {
        var root = "/src";
        string[] items = ["/src/a.txt", "/src/b.txt", "/src/sub/c.txt", "/src/d.log"];
        var matched = FileMatcher.Match(items, root, ["**/*.txt", "!sub/**"]);
        Assert.Equal(["/src/a.txt", "/src/b.txt"], matched);
    }

    [Fact]
    public void TaskLib_Match_DoubleNegationIncludesAgain_CommentsAndBlankLinesIgnored()
    {
        string[] items = ["/src/a.txt", "/src/b.log"];
        var matched = FileMatcher.Match(items, "/src", ["# comment", "", "!!*.log"]);
        Assert.Equal(["/src/b.log"], matched);
    }

    [Fact]
    public void TaskLib_Match_DotSegmentsNormalisedBeforeMatching()
    {
        string[] items = ["/repo/deps.lock", "/repo/src/a.txt"];
        Assert.Equal(["/repo/deps.lock"], FileMatcher.Match(items, "/repo/src", ["../deps.lock"]));
        Assert.Equal(["/repo/src/a.txt"], FileMatcher.Match(items, "/repo/src", ["./a.txt"]));
    }

    [Fact]
    public void TaskLib_Match_RootedPatternIgnoresSearchRoot()
    {
        string[] items = ["/other/x.txt", "/src/x.txt"];
        Assert.Equal(["/other/x.txt"], FileMatcher.Match(items, "/src", ["/other/*.txt"]));
    }

    [Fact]
    public void TaskLib_FindMatch_RootedPatternOutsideTheRoot_IsSearchedFromItsOwnFolder()
    {
        using var temp = new TempFolder();
        temp.Write("s/in-sources.nupkg");
        var staged = temp.Write("a/pkg/Lib.1.0.0.nupkg");
        temp.Write("a/other.txt");

        var matched = FileMatcher.MatchFiles(temp["s"], [temp["a"] + "/**/*.nupkg"]);

        Assert.Equal([staged], matched);
    }
}
