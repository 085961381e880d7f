using Slipway.Core.Execution.Output;

namespace Slipway.Core.Tests.Execution.Output;

public sealed class AzureCommandInterpreterTests
{
    private static T Command<T>(string line)
        where T : AzureCommand
    {
        var outcome = AzureCommandInterpreter.ProcessLine(line);
        Assert.NotNull(outcome);
        Assert.Empty(outcome.Issues);
        Assert.False(outcome.FailsStep);
        return Assert.IsType<T>(outcome.Command);
    }

    private static AzureCommandOutcome Failure(string line)
    {
        var outcome = AzureCommandInterpreter.ProcessLine(line);
        Assert.NotNull(outcome);
        Assert.True(outcome.FailsStep);
        Assert.Null(outcome.Command);
        Assert.Equal($"Unable to process command '{line}' successfully. Please reference documentation (http://go.microsoft.com/fwlink/?LinkId=817296)", outcome.Issues[0].Message);
        Assert.All(outcome.Issues, i => Assert.Equal(CommandIssueSeverity.Error, i.Severity));
        return outcome;
    }

    [Fact]
    public void AZP_LOG_10_SetVariableWithAllFlags()
    {
        var c = Command<AzureSetVariable>("##vso[task.setvariable variable=myOutputVar;isOutput=true;issecret=True;isreadonly=true]this is the value");

        Assert.Equal(new AzureSetVariable("myOutputVar", "this is the value", IsSecret: true, IsOutput: true, IsReadOnly: true), c);
    }

    [Fact]
    public void AZP_VAR_50_BooleansOtherThanTrueFalseAreFalse()
    {
        var c = Command<AzureSetVariable>("##vso[task.setvariable variable=v;isOutput=yes;issecret=1]x");

        Assert.False(c.IsOutput);
        Assert.False(c.IsSecret);
    }

    [Fact]
    public void AZP_LOG_10_SetVariableWithoutVariableFailsTheCommand()
    {
        var outcome = Failure("##vso[task.setvariable]value");

        Assert.Contains("'variable'", outcome.Issues[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_VAR_41_MultiLineSecretIsRejected()
    {
        Failure("##vso[task.setvariable variable=s;issecret=true]a%0Ab");
    }

    [Fact]
    public void AZP_LOG_11_SetSecret()
    {
        Assert.Equal("hunter2", Command<AzureSetSecret>("##vso[task.setsecret]hunter2").Value);
    }

    [Fact]
    public void AZP_LOG_12_LogIssueWithLocation()
    {
        var c = Command<AzureLogIssue>("##vso[task.logissue type=error;sourcepath=src/a.cs;linenumber=12;columnnumber=5;code=CS1002]; expected");

        Assert.Equal(new AzureLogIssue(AzureIssueType.Error, "; expected", "src/a.cs", 12, 5, "CS1002"), c);
    }

    [Fact]
    public void AZP_LOG_12_LogIssueAliasIssueAndWarningType()
    {
        Assert.Equal(AzureIssueType.Warning, Command<AzureLogIssue>("##vso[task.issue type=Warning]w").Type);
    }

    [Fact]
    public void AZP_LOG_12_LogIssueWithUnknownTypeFails() => Failure("##vso[task.logissue type=info]x");

    [Fact]
    public void AZP_LOG_12_LogIssueWithoutTypeIsAWarning()
    {
        var outcome = AzureCommandInterpreter.ProcessLine("##vso[task.logissue]x");

        Assert.NotNull(outcome);
        Assert.False(outcome.FailsStep);
        Assert.Equal(CommandIssueSeverity.Warning, Assert.Single(outcome.Issues).Severity);
    }

    [Fact]
    public void AZP_LOG_13_CompleteWithResultAndDone()
    {
        var c = Command<AzureComplete>("##vso[task.complete result=SucceededWithIssues;done=true]DONE");

        Assert.Equal(new AzureComplete(AzureTaskResult.SucceededWithIssues, true, "DONE"), c);
    }

    [Theory]
    [InlineData("##vso[task.complete]x")]
    [InlineData("##vso[task.complete result=Bogus]x")]
    public void AZP_LOG_13_CompleteWithoutValidResultFails(string line) => Failure(line);

    [Theory]
    [InlineData("##vso[task.setprogress value=75;]Upload Log", 75)]
    [InlineData("##vso[task.setprogress value=250]x", 100)]
    [InlineData("##vso[task.setprogress value=-3]x", 0)]
    [InlineData("##vso[task.setprogress value=abc]x", 0)]
    public void AZP_LOG_14_SetProgressIsClamped(string line, int expected)
    {
        Assert.Equal(expected, Command<AzureSetProgress>(line).Percent);
    }

    [Fact]
    public void AZP_LOG_15_PrependPath()
    {
        Assert.Equal("/opt/tool/bin", Command<AzurePrependPath>("##vso[task.prependpath]/opt/tool/bin").Path);
        Failure("##vso[task.prependpath]");
    }

    [Fact]
    public void AZP_LOG_16_to_18_FileCommands()
    {
        Assert.Equal("/tmp/a.log", Command<AzureUploadFile>("##vso[task.uploadfile]/tmp/a.log").Path);
        Assert.Equal(new AzureAddAttachment("myattachmenttype", "myattachmentname", "/tmp/f"), Command<AzureAddAttachment>("##vso[task.addattachment type=myattachmenttype;name=myattachmentname;]/tmp/f"));
        Assert.Equal("/tmp/s.md", Command<AzureUploadSummary>("##vso[task.uploadsummary]/tmp/s.md").Path);
        Assert.Equal("/tmp/s.md", Command<AzureUploadSummary>("##vso[build.uploadsummary]/tmp/s.md").Path);
        Failure("##vso[task.addattachment name=n]/tmp/f");
    }

    [Fact]
    public void AZP_LOG_19_SetEndpoint()
    {
        var c = Command<AzureSetEndpoint>("##vso[task.setendpoint id=5b3f7a27-1a7e-4e6c-9a39-2d5a6f0e0c11;field=authParameter;key=AccessToken]x");

        Assert.Equal(AzureEndpointField.AuthParameter, c.Field);
        Assert.Equal("AccessToken", c.Key);
        Failure("##vso[task.setendpoint id=not-a-guid;field=url]https://example.com");
        Failure("##vso[task.setendpoint id=5b3f7a27-1a7e-4e6c-9a39-2d5a6f0e0c11;field=url]not a url");
    }

    [Fact]
    public void AZP_LOG_20_to_22_DetailTaskVariableDebug()
    {
        Assert.Equal("build", Command<AzureLogDetail>("##vso[task.logdetail id=5b3f7a27-1a7e-4e6c-9a39-2d5a6f0e0c11;name=project1;type=build;order=1]x").Properties["type"]);
        Assert.Equal(new AzureSetTaskVariable("t", "v", true, false), Command<AzureSetTaskVariable>("##vso[task.settaskvariable variable=t;issecret=true]v"));
        Assert.Equal("hello", Command<AzureDebug>("##vso[task.debug]hello").Message);
        Failure("##vso[task.logdetail name=x]y");
    }

    [Fact]
    public void AZP_LOG_30_31_ArtifactCommands()
    {
        var upload = Command<AzureArtifactUpload>("##vso[artifact.upload containerfolder=testresult;artifactname=drop]/tmp/r.trx");
        Assert.Equal(("drop", "testresult", "/tmp/r.trx"), (upload.ArtifactName, upload.ContainerFolder, upload.Path));
        Assert.Equal("drop", Command<AzureArtifactUpload>("##vso[artifact.upload artifactname=drop]/tmp/x").ContainerFolder);
        Assert.Equal("container", Command<AzureArtifactAssociate>("##vso[artifact.associate type=container;artifactname=MyServerDrop]#/1/build").ArtifactType);
        Failure("##vso[artifact.upload]/tmp/x");
    }

    [Fact]
    public void AZP_LOG_32_to_36_BuildAndReleaseCommands()
    {
        Assert.Equal("/tmp/l.txt", Command<AzureUploadLog>("##vso[build.uploadlog]/tmp/l.txt").Path);
        Assert.Equal("my-new-build-number", Command<AzureUpdateBuildNumber>("##vso[build.updatebuildnumber]my-new-build-number").BuildNumber);
        Assert.Equal("my-tag", Command<AzureAddBuildTag>("##vso[build.addbuildtag]my-tag").Tag);
        Assert.Equal("new name", Command<AzureUpdateReleaseName>("##vso[release.updatereleasename]new name").Name);
        Failure("##vso[build.addbuildtag]");
    }

    [Fact]
    public void AZP_LOG_37_PublishCommandsPassThrough()
    {
        Assert.Equal("publish", Command<AzurePassThroughCommand>("##vso[results.publish type=JUnit]/tmp/r.xml").Raw.Event);
        Assert.Equal("codecoverage", Command<AzurePassThroughCommand>("##vso[codecoverage.publish codecoveragetool=Cobertura]x").Raw.Area);
    }

    [Fact]
    public void AZP_LOG_UnknownEventInKnownAreaFails()
    {
        var outcome = Failure("##vso[task.nosuchthing]x");

        Assert.Equal("##vso[task.nosuchthing] is not a recognized command for task command extension. Please reference documentation (http://go.microsoft.com/fwlink/?LinkId=817296).", outcome.Issues[1].Message);
    }

    [Fact]
    public void AZP_LOG_UnknownAreaIsAWarningOnly()
    {
        var outcome = AzureCommandInterpreter.ProcessLine("##vso[foo.bar]x");

        Assert.NotNull(outcome);
        Assert.False(outcome.FailsStep);
        Assert.Equal("Can't find command extension for ##vso[foo.command]. Please reference documentation (http://go.microsoft.com/fwlink/?LinkId=817296)", Assert.Single(outcome.Issues).Message);
    }

    [Fact]
    public void AZP_LOG_1_KeywordWithoutValidCommandWarns()
    {
        var outcome = AzureCommandInterpreter.ProcessLine("echo ##vso[task.setvariable");

        Assert.NotNull(outcome);
        Assert.Null(outcome.Command);
        Assert.Equal(CommandIssueSeverity.Warning, Assert.Single(outcome.Issues).Severity);
    }

    [Fact]
    public void AZP_LOG_1_PlainLineIsNotACommand()
    {
        Assert.Null(AzureCommandInterpreter.ProcessLine("hello world"));
    }

    [Theory]
    [InlineData("##[group]Build", "Group", "Build")]
    [InlineData("##[endgroup]", "EndGroup", "")]
    [InlineData("##[section]Starting: x", "Section", "Starting: x")]
    [InlineData("##[command]git fetch", "Command", "git fetch")]
    [InlineData("##[warning]w", "Warning", "w")]
    [InlineData("##[error]e", "Error", "e")]
    [InlineData("##[debug]d", "Debug", "d")]
    public void AZP_LOG_40_FormattingCommands(string line, string kind, string text)
    {
        Assert.True(AzureLogDecoration.TryParse(line, out var decoration));
        Assert.Equal(new AzureLogDecoration(Enum.Parse<AzureLogDecorationKind>(kind), text), decoration);
        Assert.Null(AzureCommandInterpreter.ProcessLine(line));
    }

    [Fact]
    public void AZP_LOG_40_UnknownTagIsPlainText()
    {
        Assert.False(AzureLogDecoration.TryParse("##[bogus]x", out _));
        Assert.False(AzureLogDecoration.TryParse("x ##[error]y", out _));
    }

    [Theory]
    [InlineData(null, "Failed", "Failed")]
    [InlineData("Succeeded", "SucceededWithIssues", "SucceededWithIssues")]
    [InlineData("Failed", "Succeeded", "Failed")]
    [InlineData("SucceededWithIssues", "Succeeded", "SucceededWithIssues")]
    [InlineData("Canceled", "Failed", "Canceled")]
    public void AZP_LOG_13_ResultsMergePessimistically(string? current, string coming, string expected)
    {
        var merged = StepResults.Merge(current is null ? null : Enum.Parse<AzureTaskResult>(current), Enum.Parse<AzureTaskResult>(coming));

        Assert.Equal(Enum.Parse<AzureTaskResult>(expected), merged);
    }

    [Fact]
    public void AZP_LOG_15_PrependPathIsDeduplicatedLastAddedFirst()
    {
        var prepend = new List<string>();
        StepResults.PrependPaths(prepend, ["/one", "/two", "/one"]);

        Assert.Equal("/one:/two:/bin", StepResults.BuildPath(prepend, "/bin"));
    }
}
