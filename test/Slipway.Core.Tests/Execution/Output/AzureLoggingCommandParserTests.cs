using Slipway.Core.Execution.Output;

namespace Slipway.Core.Tests.Execution.Output;

public sealed class AzureLoggingCommandParserTests
{
    private static AzureLoggingCommand Parse(string line, bool decodePercents = true)
    {
        Assert.True(AzureLoggingCommandParser.TryParse(line, decodePercents, out var command), line);
        return command;
    }

    [Fact]
    public void AZP_LOG_1_CommandWithPropertiesAndData()
    {
        var c = Parse("##vso[task.setvariable variable=sauce;isOutput=true]crushed tomatoes");

        Assert.Equal("task", c.Area);
        Assert.Equal("setvariable", c.Event);
        Assert.Equal("sauce", c.Property("variable"));
        Assert.Equal("true", c.Property("isOutput"));
        Assert.Equal("crushed tomatoes", c.Data);
    }

    [Fact]
    public void AZP_LOG_1_CommandMayStartAnywhereInTheLine()
    {
        var c = Parse("2024-01-01T00:00:00Z ##vso[task.setvariable variable=x]y");

        Assert.Equal("x", c.Property("variable"));
        Assert.Equal("y", c.Data);
    }

    [Fact]
    public void AZP_QRK_15_SetXEchoIsAlsoACommand()
    {
        var c = Parse("+ echo '##vso[task.logissue type=warning]careful'");

        Assert.Equal("logissue", c.Event);
        Assert.Equal("careful'", c.Data);
    }

    [Fact]
    public void AZP_LOG_1_PropertyKeysAreCaseInsensitive()
    {
        var c = Parse("##vso[task.setvariable VARIABLE=a;IsSecret=TRUE]v");

        Assert.Equal("a", c.Property("variable"));
        Assert.True(c.BooleanProperty("issecret"));
    }

    [Theory]
    [InlineData("##vso[task]x")]
    [InlineData("##vso[task.set.variable]x")]
    [InlineData("##vso[.setvariable]x")]
    [InlineData("##vso[task.setvariable variable=x")]
    [InlineData("##vs[task.setvariable variable=x]y")]
    [InlineData("plain text")]
    [InlineData("")]
    public void AZP_LOG_1_LinesThatFailToParseArePlainOutput(string line)
    {
        Assert.False(AzureLoggingCommandParser.TryParse(line, decodePercents: true, out _));
    }

    [Fact]
    public void AZP_LOG_1_PropertiesSplitOnSemicolonAndFirstEqualsEmptyPairsIgnored()
    {
        var c = Parse("##vso[task.logissue type=error;;sourcepath=a=b;linenumber=;=x;code]msg");

        Assert.Equal("error", c.Property("type"));
        Assert.Equal("a=b", c.Property("sourcepath"));
        Assert.Null(c.Property("linenumber"));
        Assert.Null(c.Property("code"));
        Assert.Equal(2, c.Properties.Count);
    }

    [Fact]
    public void AZP_LOG_1_DataIsEverythingAfterTheFirstBracket()
    {
        var c = Parse("##vso[task.debug]a]b ##vso[x.y]c");

        Assert.Equal("a]b ##vso[x.y]c", c.Data);
    }

    [Fact]
    public void AZP_LOG_2_EscapesAreDecodedInPropertiesAndData()
    {
        var c = Parse("##vso[task.setvariable variable=a%3Bb%5D]line1%0D%0Aline2%3B%5D");

        Assert.Equal("a;b]", c.Property("variable"));
        Assert.Equal("line1\r\nline2;]", c.Data);
    }

    [Fact]
    public void AZP_LOG_2_Azp25DecodesToPercentButPercent25DoesNot()
    {
        var c = Parse("##vso[task.setvariable variable=test%AZP25]a%AZP25 %25");

        Assert.Equal("test%", c.Property("variable"));
        Assert.Equal("a% %25", c.Data);
    }

    [Fact]
    public void AZP_LOG_2_DecodePercentsOff_KeepsAzp25()
    {
        Assert.Equal("a%AZP25", Parse("##vso[task.debug]a%AZP25", decodePercents: false).Data);
    }

    [Fact]
    public void AZP_LOG_2_Azp25IsDecodedLastSoItCannotFormOtherEscapes()
    {
        Assert.Equal("%3B", Parse("##vso[task.debug]%AZP253B").Data);
    }

    [Fact]
    public void AZP_LOG_2_EscapeRoundTripsThroughTheParser()
    {
        const string value = "50% ; ] \r\n done";

        var c = Parse($"##vso[task.setvariable variable={AzureLoggingCommandParser.Escape("v;1")}]{AzureLoggingCommandParser.Escape(value)}");

        Assert.Equal("v;1", c.Property("variable"));
        Assert.Equal(value, c.Data);
    }
}
