using Slipway.Core.Execution.Output;
using Slipway.Core.Execution.Processes;
using Slipway.Core.Masking;
using Slipway.Core.Tests.Execution.Processes;

namespace Slipway.Core.Tests.Execution.Output;

/// <summary>End to end with a real bash: process reader → command processing → masking → log.</summary>
[Trait("Category", "EndToEnd")]
public sealed class StepOutputTests
{
    [Fact]
    public async Task AZP_VAR_41_SecretSetByAScriptIsMaskedInLaterLines()
    {
        using var console = new StringWriter();
        var masker = SecretMasker.ForAzurePipelines();
        var applied = new List<AzureCommand>();
        var output = new AzureStepOutput(new StepLog(masker, [new ConsoleLogSink(console)]), masker, applied.Add);

        var result = await new ProcessRunner(TimeProvider.System).RunAsync(
            ProcessTestHelpers.Bash("""
                echo "##vso[task.setvariable variable=token;issecret=true]abc123xyz"
                echo "the token is abc123xyz"
                echo "##vso[task.logissue type=warning]careful"
                echo "##vso[task.setvariable]novariable" >&2
                """),
            output.OnLineAsync,
            CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new AzureSetVariable("token", "abc123xyz", true, false, false), applied[0]);
        var log = console.ToString().ReplaceLineEndings("\n");
        Assert.DoesNotContain("abc123xyz", log, StringComparison.Ordinal);
        Assert.Contains("the token is ***\n", log, StringComparison.Ordinal);
        Assert.Contains("##[warning]careful\n", log, StringComparison.Ordinal);
        Assert.Contains("##[error]Unable to process command '##vso[task.setvariable]novariable' successfully.", log, StringComparison.Ordinal);
        Assert.True(output.FailsStep);
    }

    [Fact]
    public async Task GHA_CMD_3_W21_AddMaskedLineIsMaskedInLaterOutput()
    {
        using var console = new StringWriter();
        var masker = SecretMasker.ForGitHubActions();
        var applied = new List<GitHubCommand>();
        var processor = new GitHubCommandProcessor(new GitHubCommandOptions());
        var output = new GitHubStepOutput(new StepLog(masker, [new ConsoleLogSink(console)]), masker, processor, applied.Add);

        await new ProcessRunner(TimeProvider.System).RunAsync(
            ProcessTestHelpers.Bash("""
                echo "::add-mask::line1%0Aline2"
                echo "line2"
                echo "::group::Build"
                echo "::error file=a.cs,line=3::broken"
                echo "::endgroup::"
                """),
            output.OnLineAsync,
            CancellationToken.None);

        Assert.Equal("***\n##[group]Build\n##[error]broken\n##[endgroup]\n", console.ToString().ReplaceLineEndings("\n"));
        Assert.IsType<GitHubAddMask>(applied[0]);
        Assert.False(output.FailsStep);
    }
}
