using Slipway.Core.Execution.Output;

namespace Slipway.Core.Tests.Execution.Output;

/// <summary>The logging-command examples of spec section 11: TC-52 (AZP-LOG-2), TC-53 (AZP-LOG-1), TC-54 (AZP-LOG-13).</summary>
public sealed class LoggingCommandConformanceTests
{
    private static AzureCommandOutcome Outcome(string line)
    {
        var outcome = AzureCommandInterpreter.ProcessLine(line);
        Assert.NotNull(outcome);
        return outcome;
    }

    private static AzureSetVariable SetVariable(string line)
    {
        var outcome = Outcome(line);
        Assert.False(outcome.FailsStep);
        return Assert.IsType<AzureSetVariable>(outcome.Command);
    }

    [Fact]
    public void TC_52_PercentDecoding_Azp25InNameAndValue()
    {
        var v = SetVariable("##vso[task.setvariable variable=test%AZP25]a%AZP25");

        Assert.Equal(("test%", "a%"), (v.Name, v.Value));
    }

    [Fact]
    public void TC_52_PercentDecoding_SemicolonAndNewline()
    {
        var v = SetVariable("##vso[task.setvariable variable=x]a%3Bb%0Ac");

        Assert.Equal(("x", "a;b\nc"), (v.Name, v.Value));
    }

    [Fact]
    public void TC_52_PercentDecoding_MultiLineSecretIsRejected()
    {
        var outcome = Outcome("##vso[task.setvariable variable=x;issecret=true]a%3Bb%0Ac");

        Assert.True(outcome.FailsStep);
        Assert.Null(outcome.Command);
    }

    [Fact]
    public void TC_52_PercentDecoding_Percent25StaysPercent25()
    {
        Assert.Equal("%25", SetVariable("##vso[task.setvariable variable=x]%25").Value);
    }

    [Fact]
    public void TC_53_CommandParsing_PrefixTextAndCaseInsensitiveIsOutput()
    {
        var v = SetVariable("2024-01-01T00:00:00Z ##vso[task.setvariable variable=v;isOutput=TRUE]x");

        Assert.Equal(("v", "x", true), (v.Name, v.Value, v.IsOutput));
    }

    [Fact]
    public void TC_53_CommandParsing_NoEventIsPlainOutput()
    {
        Assert.False(AzureLoggingCommandParser.TryParse("##vso[task]x", decodePercents: true, out _));
    }

    [Fact]
    public void TC_53_CommandParsing_DataKeepsClosingBrackets()
    {
        Assert.Equal("a]b", SetVariable("##vso[task.setvariable variable=v]a]b").Value);
    }

    private static AzureTaskResult? ResultAfter(params string[] lines)
    {
        AzureTaskResult? result = null;
        foreach (var line in lines)
        {
            result = StepResults.Merge(result, Assert.IsType<AzureComplete>(Outcome(line).Command).Result);
        }

        return result;
    }

    [Fact]
    public void TC_54_TaskCompleteMerge_FailedAfterSucceededWithIssuesFails()
    {
        Assert.Equal(AzureTaskResult.Failed, ResultAfter("##vso[task.complete result=SucceededWithIssues;]warn", "##vso[task.complete result=Failed;]DONE"));
    }

    [Fact]
    public void TC_54_TaskCompleteMerge_OnlySucceededWithIssues()
    {
        Assert.Equal(AzureTaskResult.SucceededWithIssues, ResultAfter("##vso[task.complete result=SucceededWithIssues;]warn"));
    }

    [Fact]
    public void TC_54_TaskCompleteMerge_BogusResultIsAnError()
    {
        var outcome = Outcome("##vso[task.complete result=Bogus;]x");

        Assert.True(outcome.FailsStep);
        Assert.Null(outcome.Command);
        Assert.Contains(outcome.Issues, i => i.Severity == CommandIssueSeverity.Error && i.Message.Contains("result", StringComparison.OrdinalIgnoreCase));
    }
}
