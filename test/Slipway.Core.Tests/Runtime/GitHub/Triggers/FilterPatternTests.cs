using Slipway.Core.Runtime.GitHub.Triggers;

namespace Slipway.Core.Tests.Runtime.GitHub.Triggers;

/// <summary>
/// GHA-WF-3: the examples of GitHub's "Filter pattern cheat sheet" (workflow syntax docs), row by row:
/// patterns (in order), a name, and whether the list selects it.
/// </summary>
public sealed class FilterPatternTests
{
    [Theory]
    // Patterns to match branches and tags
    [InlineData("feature/*", "feature/my-branch", true)]
    [InlineData("feature/*", "feature/your-branch", true)]
    [InlineData("feature/*", "feature/beta-a/my-branch", false)]
    [InlineData("feature/**", "feature/beta-a/my-branch", true)]
    [InlineData("feature/**", "feature/your-branch", true)]
    [InlineData("feature/**", "feature/mona/the/octocat", true)]
    [InlineData("main|releases/mona-the-octocat", "main", true)]
    [InlineData("main|releases/mona-the-octocat", "releases/mona-the-octocat", true)]
    [InlineData("main|releases/mona-the-octocat", "mainline", false)]
    [InlineData("*", "main", true)]
    [InlineData("*", "releases", true)]
    [InlineData("*", "releases/v1", false)]
    [InlineData("**", "all/the/branches", true)]
    [InlineData("**", "every/tag", true)]
    [InlineData("*feature", "mona-feature", true)]
    [InlineData("*feature", "feature", true)]
    [InlineData("*feature", "ver-10-feature", true)]
    [InlineData("v2*", "v2", true)]
    [InlineData("v2*", "v2.0", true)]
    [InlineData("v2*", "v2.9", true)]
    [InlineData("v2*", "v3.0", false)]
    [InlineData("v[12].[0-9]+.[0-9]+", "v1.10.1", true)]
    [InlineData("v[12].[0-9]+.[0-9]+", "v2.0.0", true)]
    [InlineData("v[12].[0-9]+.[0-9]+", "v3.0.0", false)]
    [InlineData("v[12].[0-9]+.[0-9]+", "v1x0.1", false)]
    // Patterns to match file paths
    [InlineData("*", "README.md", true)]
    [InlineData("*", "server.rb", true)]
    [InlineData("*.jsx?", "page.js", true)]
    [InlineData("*.jsx?", "page.jsx", true)]
    [InlineData("*.jsx?", "page.jsxx", false)]
    [InlineData("**", "all/the/files.md", true)]
    [InlineData("*.js", "app.js", true)]
    [InlineData("*.js", "index.js", true)]
    [InlineData("*.js", "js/index.js", false)]
    [InlineData("**.js", "index.js", true)]
    [InlineData("**.js", "js/index.js", true)]
    [InlineData("**.js", "src/js/app.js", true)]
    [InlineData("docs/*", "docs/README.md", true)]
    [InlineData("docs/*", "docs/file.txt", true)]
    [InlineData("docs/*", "docs/mona/octocat.txt", false)]
    [InlineData("docs/**", "docs/README.md", true)]
    [InlineData("docs/**", "docs/mona/octocat.txt", true)]
    [InlineData("docs/**/*.md", "docs/README.md", true)]
    [InlineData("docs/**/*.md", "docs/mona/hello-world.md", true)]
    [InlineData("docs/**/*.md", "docs/a/markdown/file.md", true)]
    [InlineData("**/docs/**", "docs/hello.md", true)]
    [InlineData("**/docs/**", "dir/docs/my-file.txt", true)]
    [InlineData("**/docs/**", "space/docs/plan/space.doc", true)]
    [InlineData("**/README.md", "README.md", true)]
    [InlineData("**/README.md", "js/README.md", true)]
    [InlineData("**/*src/**", "a/src/app.js", true)]
    [InlineData("**/*src/**", "my-src/code/js/app.js", true)]
    [InlineData("**/*-post.md", "my-post.md", true)]
    [InlineData("**/*-post.md", "path/their-post.md", true)]
    [InlineData("**/migrate-*.sql", "migrate-10909.sql", true)]
    [InlineData("**/migrate-*.sql", "db/migrate-v1.0.sql", true)]
    [InlineData("**/migrate-*.sql", "db/sept/migrate-v1.sql", true)]
    [InlineData("*.md|!README.md", "hello.md", true)]
    [InlineData("*.md|!README.md", "README.md", false)]
    [InlineData("*.md|!README.md", "docs/hello.md", false)]
    [InlineData("*.md|!README.md|README*", "hello.md", true)]
    [InlineData("*.md|!README.md|README*", "README.md", true)]
    [InlineData("*.md|!README.md|README*", "README.doc", true)]
    // Special characters: [CB]at, [1-2]00, Octoc?t is "zero or one of the preceding character", escapes
    [InlineData("[CB]at", "Cat", true)]
    [InlineData("[CB]at", "Bat", true)]
    [InlineData("[CB]at", "Rat", false)]
    [InlineData("[1-2]00", "200", true)]
    [InlineData("[1-2]00", "300", false)]
    [InlineData("[0-9a-z]", "q", true)]
    [InlineData("Octo*", "Octocat", true)]
    [InlineData("\\!file", "!file", true)]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "axb", false)]
    [InlineData("release.1", "releasex1", false)]
    public void GHA_WF_3_CheatSheet(string patterns, string name, bool selected)
    {
        var list = FilterList.TryCreate("paths", patterns.Split('|'), out var error);

        Assert.Null(error);
        Assert.Equal(selected, list!.Selects(name));
    }

    [Theory]
    [InlineData("release/[]", "invalid pattern 'release/[]': empty brackets '[]'")]
    [InlineData("v[0-9", "invalid pattern 'v[0-9': missing ']' after '['")]
    [InlineData("v[a-Z]", "invalid pattern 'v[a-Z]': invalid range 'a-Z': ranges may only be a-z, A-Z or 0-9")]
    [InlineData("v[._]", "invalid pattern 'v[._]': '.' in brackets: sets and ranges may only include a-z, A-Z and 0-9")]
    [InlineData("end\\", "invalid pattern 'end\\': nothing to escape after '\\' at the end")]
    public void GHA_WF_3_InvalidPatternsAreReported(string pattern, string expected)
    {
        Assert.Null(FilterPattern.TryParse(pattern, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void GHA_WF_3_LeadingQuestionMarkAndPlusAreLiteral()
    {
        // Nothing precedes them, so they cannot repeat anything.
        Assert.True(FilterPattern.TryParse("?x", out _)!.IsMatch("?x"));
        Assert.True(FilterPattern.TryParse("+x", out _)!.IsMatch("+x"));
    }

    [Fact]
    public void GHA_WF_3_PathologicalPattern_NeitherHangsNorThrows()
    {
        var pattern = FilterPattern.TryParse("**a**a**a**a**a**a**a**a**a**a**a**a**b", out _)!;

        Assert.False(pattern.IsMatch(new string('a', 5000)));
    }

    [Fact]
    public void GHA_WF_3_IgnoreListPassesWhenOneNameIsNotIgnored()
    {
        var list = FilterList.TryCreate("paths-ignore", ["docs/**"], out _)!;

        Assert.False(list.Passes(["docs/a.md", "docs/b/c.md"], out _));
        Assert.True(list.Passes(["docs/a.md", "src/app.cs"], out var decisive));
        Assert.Equal("src/app.cs", decisive);
    }
}
