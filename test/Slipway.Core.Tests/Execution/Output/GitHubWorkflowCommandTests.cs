using Slipway.Core.Execution.Output;

namespace Slipway.Core.Tests.Execution.Output;

public sealed class GitHubWorkflowCommandTests
{
    private static readonly IReadOnlySet<string> Registered = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "warning", "set-output", "error", "debug" };

    private static GitHubCommandProcessor Processor(GitHubCommandOptions? options = null) => new(options ?? new GitHubCommandOptions());

    private static T Command<T>(GitHubCommandProcessor processor, string line)
        where T : GitHubCommand
    {
        var outcome = processor.ProcessLine(line);
        Assert.NotNull(outcome);
        Assert.False(outcome.FailsStep);
        return Assert.IsType<T>(outcome.Command);
    }

    [Fact]
    public void GHA_CMD_1_W24_PropertyAndDataEscapes()
    {
        var annotation = Command<GitHubAnnotation>(Processor(), "::warning title=a%3Ab%2Cc::m%25%0An");

        Assert.Equal("a:b,c", annotation.Title);
        Assert.Equal("m%\nn", annotation.Message);
    }

    [Fact]
    public void GHA_CMD_1_DataUnescapeLeavesPropertyOnlyEscapes()
    {
        Assert.True(GitHubWorkflowCommandParser.TryParse("::debug::a%3Ab%2Cc%0D", Registered, out var c));
        Assert.Equal("a%3Ab%2Cc\r", c.Data);
    }

    [Fact]
    public void GHA_CMD_1_PercentIsDecodedLast()
    {
        Assert.True(GitHubWorkflowCommandParser.TryParse("::debug::%250A", Registered, out var c));
        Assert.Equal("%0A", c.Data);
    }

    [Fact]
    public void GHA_CMD_1_LeadingWhitespaceIsAllowedButNotOtherText()
    {
        Assert.True(GitHubWorkflowCommandParser.TryParse("   ::debug::x", Registered, out _));
        Assert.False(GitHubWorkflowCommandParser.TryParse("echo ::debug::x", Registered, out _));
    }

    [Theory]
    [InlineData("::unknown::x")]
    [InlineData("::debug x")]
    [InlineData(":: debug::x")]
    [InlineData("plain")]
    public void GHA_CMD_1_UnregisteredOrMalformedIsPlainOutput(string line)
    {
        Assert.Null(Processor().ProcessLine(line));
    }

    [Fact]
    public void GHA_CMD_1_PropertiesSplitOnCommaAndFirstEquals()
    {
        Assert.True(GitHubWorkflowCommandParser.TryParse("::set-output  name=a=b,, x ,other=1 ::v", Registered, out var c));
        Assert.Equal("a=b", c.Property("name"));
        Assert.Equal("1", c.Property("other"));
        Assert.Equal("v", c.Data);
    }

    [Fact]
    public void GHA_CMD_1_LegacySyntaxAnywhereInTheLine()
    {
        Assert.True(GitHubWorkflowCommandParser.TryParse("prefix ##[set-output name=x;]a%3Bb%5D", Registered, out var c));
        Assert.Equal("x", c.Property("name"));
        Assert.Equal("a;b]", c.Data);
    }

    [Fact]
    public void GHA_CMD_2_AnnotationWithLocation()
    {
        var a = Command<GitHubAnnotation>(Processor(), "::error file=app.js,line=10,col=15,endColumn=20,title=Bad::Something failed");

        Assert.Equal(new GitHubAnnotation(GitHubAnnotationLevel.Error, "Something failed", "Bad", "app.js", 10, 10, 15, 20), a);
    }

    [Fact]
    public void GHA_CMD_2_EndLineDefaultsToLineAndColumnsNeedASingleLine()
    {
        var processor = Processor();
        var a = Command<GitHubAnnotation>(processor, "::notice file=a,line=3,endLine=5,col=1::m");

        Assert.Equal((3, 5, (int?)null), (a.Line!.Value, a.EndLine!.Value, a.Column));
    }

    [Fact]
    public void GHA_CMD_2_EndLineBeforeLineIsDropped()
    {
        var outcome = Processor().ProcessLine("::warning line=5,endLine=2::m");

        var a = Assert.IsType<GitHubAnnotation>(outcome!.Command);
        Assert.Null(a.Line);
        Assert.Null(a.EndLine);
        Assert.Contains(outcome.Issues, i => i.Severity == CommandIssueSeverity.Debug && i.Message.Contains("'endLine' cannot be less than 'line'", StringComparison.Ordinal));
    }

    [Fact]
    public void GHA_CMD_2_DebugGroupEndGroup()
    {
        var p = Processor();
        Assert.Equal("msg", Command<GitHubDebug>(p, "::debug::msg").Message);
        Assert.Equal("My title", Command<GitHubGroup>(p, "::group::My title").Title);
        Command<GitHubEndGroup>(p, "::endgroup::");
        Assert.Equal("matcher.json", Command<GitHubAddMatcher>(p, "::add-matcher::matcher.json").Path);
        Assert.Equal("eslint", Command<GitHubRemoveMatcher>(p, "::remove-matcher owner=eslint::").Owner);
    }

    [Theory]
    [InlineData("::remove-matcher owner=eslint::eslint.json", "Either specify an owner name or a file path in ##[remove-matcher] command. Both values cannot be set.")]
    [InlineData("::remove-matcher::", "Either an owner name or a file path must be specified in ##[remove-matcher] command.")]
    public void GHA_CMD_2_RemoveMatcher_OwnerOrFile_NotBothNorNeither(string line, string warning)
    {
        var outcome = Processor().ProcessLine(line)!;

        Assert.Null(outcome.Command);
        Assert.False(outcome.FailsStep);
        Assert.Equal((CommandIssueSeverity.Warning, warning), (outcome.Issues.Single().Severity, outcome.Issues.Single().Message));
        Assert.Equal(new GitHubRemoveMatcher(null, "m.json"), Command<GitHubRemoveMatcher>(Processor(), "::remove-matcher::m.json"));
    }

    [Fact]
    public void GHA_CMD_2_EchoOnOffControlsEchoOfCommands()
    {
        var p = Processor();
        Assert.Null(p.ProcessLine("::debug::a")!.Echo);

        Assert.True(Command<GitHubEcho>(p, "::echo::on").Enabled);
        Assert.Equal("::debug::b", p.ProcessLine("::debug::b")!.Echo);
        Assert.Equal("::add-mask::***", p.ProcessLine("::add-mask::secret")!.Echo);

        Assert.False(Command<GitHubEcho>(p, "::echo::OFF").Enabled);
        Assert.True(p.ProcessLine("::echo::maybe")!.FailsStep);
    }

    [Fact]
    public void GHA_CMD_3_AddMaskAndEmptyMaskWarning()
    {
        var p = Processor();
        Assert.Equal("line1\nline2", Command<GitHubAddMask>(p, "::add-mask::line1%0Aline2").Value);

        var empty = p.ProcessLine("::add-mask::   ");
        Assert.Null(empty!.Command);
        Assert.Equal("Can't add secret mask for empty string in ##[add-mask] command.", Assert.Single(empty.Issues).Message);
    }

    [Fact]
    public void GHA_CMD_4_W22_StopCommandsUntilToken()
    {
        var p = Processor();
        var stop = Command<GitHubStopCommands>(p, "::stop-commands::abcdefg");
        Assert.True(stop.MaskToken);

        Assert.Null(p.ProcessLine("::error::x"));
        Assert.True(p.CommandsStopped);
        Assert.IsType<GitHubResumeCommands>(p.ProcessLine("::abcdefg::")!.Command);
        Assert.Equal("y", Command<GitHubAnnotation>(p, "::error::y").Message);
        Assert.Null(p.ProcessLine("::abcdefg::"));
    }

    [Theory]
    [InlineData("::stop-commands::")]
    [InlineData("::stop-commands::pause-logging")]
    [InlineData("::stop-commands::set-output")]
    public void GHA_CMD_4_InvalidStopTokensFailUnlessAllowed(string line)
    {
        var outcome = Processor().ProcessLine(line);
        Assert.True(outcome!.FailsStep);
        Assert.Contains("ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS", outcome.Issues[1].Message, StringComparison.Ordinal);

        Assert.False(Processor(new GitHubCommandOptions { AllowUnsecureStopCommandTokens = true }).ProcessLine(line)!.FailsStep);
    }

    [Theory]
    [InlineData("::set-env name=A::1", "set-env")]
    [InlineData("::add-path::/opt/bin", "add-path")]
    public void GHA_CMD_5_W23_SetEnvAndAddPathAreDisabled(string line, string command)
    {
        var outcome = Processor().ProcessLine(line);

        Assert.True(outcome!.FailsStep);
        Assert.Null(outcome.Command);
        Assert.Equal($"Unable to process command '{line}' successfully.", outcome.Issues[0].Message);
        Assert.StartsWith($"The `{command}` command is disabled.", outcome.Issues[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GHA_CMD_5_UnsecureCommandsWhenAllowed()
    {
        var p = Processor(new GitHubCommandOptions { AllowUnsecureCommands = true });

        Assert.Equal(new GitHubSetEnv("A", "1"), Command<GitHubSetEnv>(p, "::set-env name=A::1"));
        Assert.Equal("/opt/bin", Command<GitHubAddPath>(p, "::add-path::/opt/bin").Path);
    }

    [Fact]
    public void GHA_CMD_5_SetOutputAndSaveStateWorkWithDeprecationWarning()
    {
        var p = Processor();
        var outcome = p.ProcessLine("::set-output name=result::42");

        Assert.Equal(new GitHubSetOutput("result", "42"), outcome!.Command);
        Assert.StartsWith("The `set-output` command is deprecated", Assert.Single(outcome.Issues).Message, StringComparison.Ordinal);
        Assert.Equal(new GitHubSaveState("k", "v"), Command<GitHubSaveState>(p, "::save-state name=k::v"));
    }

    [Fact]
    public void GHA_CMD_6_SetOutputWithoutNameFailsTheStep()
    {
        var outcome = Processor().ProcessLine("::set-output::42");

        Assert.True(outcome!.FailsStep);
        Assert.Equal("Required field 'name' is missing in ##[set-output] command.", outcome.Issues[1].Message);
    }
}
