using Slipway.Core.Execution.Output;

namespace Slipway.Core.Tests.Execution.Output;

public sealed class GitHubFileCommandsTests
{
    private static GitHubFileCommandResult Output(string text) => GitHubFileCommands.ParseKeyValue(text, GitHubFileCommandKind.Output);

    [Fact]
    public void GHA_FILE_2_W14_HeredocValueKeepsInnerNewlinesNotTheLast()
    {
        var result = Output("x<<EOF\na\nb\nEOF\n");

        Assert.False(result.FailsStep);
        Assert.Equal([new KeyValuePair<string, string>("x", "a\nb")], result.Pairs);
    }

    [Fact]
    public void GHA_FILE_2_W15_NameValueSplitsAtTheFirstEquals()
    {
        Assert.Equal([new KeyValuePair<string, string>("A", "b=c")], Output("A=b=c\n").Pairs);
    }

    [Fact]
    public void GHA_FILE_2_EqualsBeforeHeredocMarkerIsNameValue()
    {
        Assert.Equal([new KeyValuePair<string, string>("A", "x<<EOF")], Output("A=x<<EOF\n").Pairs);
    }

    [Fact]
    public void GHA_FILE_2_EmptyLinesAreSkippedAndEmptyHeredocIsEmpty()
    {
        var result = Output("\n\na=1\n\nb<<E\nE\n");

        Assert.Equal([new("a", "1"), new KeyValuePair<string, string>("b", "")], result.Pairs);
    }

    [Fact]
    public void GHA_FILE_2_W16_MissingDelimiter()
    {
        var result = Output("ok=1\nx<<EOF\na\n");

        Assert.True(result.FailsStep);
        Assert.Equal("Invalid value. Matching delimiter not found 'EOF'", result.Issues[1].Message);
        Assert.Equal([new KeyValuePair<string, string>("ok", "1")], result.Pairs);
    }

    [Fact]
    public void GHA_FILE_2_EofMarkerMissingNewLine()
    {
        Assert.Equal("Invalid value. EOF marker missing new line.", Output("x<<EOF\nline one EOF").Issues[1].Message);
    }

    [Fact]
    public void GHA_FILE_2_DelimiterOnTheLastLineWithoutNewlineIsFine()
    {
        Assert.Equal([new KeyValuePair<string, string>("x", "v")], Output("x<<EOF\nv\nEOF").Pairs);
    }

    [Theory]
    [InlineData("<<EOF\nv\nEOF\n", "Invalid format '<<EOF'. Name must not be empty and delimiter must not be empty")]
    [InlineData("x<<\nv\n", "Invalid format 'x<<'. Name must not be empty and delimiter must not be empty")]
    [InlineData("justtext\n", "Invalid format 'justtext'")]
    public void GHA_FILE_2_FormatErrors(string text, string message)
    {
        var result = Output(text);

        Assert.True(result.FailsStep);
        Assert.Equal("Unable to process file command 'output' successfully.", result.Issues[0].Message);
        Assert.Equal(message, result.Issues[1].Message);
    }

    [Fact]
    public void GHA_FILE_2_CarriageReturnsStayInValuesOnLinux()
    {
        Assert.Equal("v\r", Output("x=v\r\n").Pairs[0].Value);
    }

    [Fact]
    public void GHA_FILE_3_W17_NodeOptionsIsBlocked()
    {
        var result = GitHubFileCommands.ParseEnv("NODE_OPTIONS=--x\nOK=1\n");

        Assert.Equal([new KeyValuePair<string, string>("OK", "1")], result.Pairs);
        Assert.Equal("Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.", Assert.Single(result.Issues).Message);
        Assert.False(result.FailsStep);
    }

    [Fact]
    public void GHA_FILE_4_W18_PathEntriesLatestWins()
    {
        var prepend = new List<string>();
        StepResults.PrependPaths(prepend, GitHubFileCommands.ParsePath("/a\n\n/b\n"));
        StepResults.PrependPaths(prepend, GitHubFileCommands.ParsePath("/a\n"));

        Assert.Equal("/a:/b:/usr/bin", StepResults.BuildPath(prepend, "/usr/bin"));
    }

    [Fact]
    public void GHA_FILE_7_W20_StepSummaryOverOneMebibyteIsAnError()
    {
        Assert.Null(GitHubFileCommands.CheckStepSummarySize(1024 * 1024));
        var issue = GitHubFileCommands.CheckStepSummarySize((1024 * 1024) + 1);
        Assert.NotNull(issue);
        Assert.Equal(CommandIssueSeverity.Error, issue.Severity);
        Assert.StartsWith("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GHA_FILE_1_FileNamesAndPrefixes()
    {
        Assert.Equal(("GITHUB_OUTPUT", "set_output_"), GitHubFileCommands.Files[GitHubFileCommandKind.Output]);
        Assert.Equal(("GITHUB_ENV", "set_env_"), GitHubFileCommands.Files[GitHubFileCommandKind.Env]);
        Assert.Equal(("GITHUB_STATE", "save_state_"), GitHubFileCommands.Files[GitHubFileCommandKind.State]);
        Assert.Equal(("GITHUB_PATH", "add_path_"), GitHubFileCommands.Files[GitHubFileCommandKind.Path]);
    }
}
