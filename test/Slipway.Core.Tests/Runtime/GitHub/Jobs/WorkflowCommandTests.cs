using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;

namespace Slipway.Core.Tests.Runtime.GitHub.Jobs;

/// <summary>GHA-CMD-1..6 through real steps (test cases W21-W24).</summary>
public sealed class WorkflowCommandTests
{
    [Fact]
    public async Task W21_AddMask_MasksEachLine()
    {
        using var harness = new JobHarness();
        await harness.RunAsync(JobHarness.Workflow("""
                  - run: |
                      echo "::add-mask::line1%0Aline2"
                      echo "x line2 y"
            """));

        Assert.Contains("x *** y", harness.Output);
        Assert.DoesNotContain("x line2 y", harness.LogFiles.Split('\n'));
    }

    [Fact]
    public async Task CMD_1_StandardError_IsHandledAsStandardOutput_InTheOrderWritten()
    {
        // The runner handles both streams with one handler: commands on stderr work, masking applies, and here the
        // lines keep the order the step wrote them (one pipe for both).
        using var harness = new JobHarness();
        var result = await harness.RunAsync(JobHarness.Workflow("""
                  - run: |
                      echo "::add-mask::hidden"
                      for i in 1 2 3; do echo "out$i"; echo "err$i hidden" >&2; done
                      echo "::warning::from stderr" >&2
            """));

        Assert.Equal(Slipway.Core.Runs.RunResult.Succeeded, result.Result);
        Assert.Equal(["out1", "err1 ***", "out2", "err2 ***", "out3", "err3 ***"], harness.Output.Where(l => l.StartsWith("out", StringComparison.Ordinal) || l.StartsWith("err", StringComparison.Ordinal)));
        Assert.Contains(harness.Events.Issues, i => i.Type == IssueType.Warning && i.Message == "from stderr");
    }

    [Fact]
    public async Task CMD_2_Notice_IsAnAnnotationWithFileLineAndTitle()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync(JobHarness.Workflow("""
                  - run: echo "::notice file=src/app.js,line=7,col=3,title=Heads up::new API used"
            """));

        Assert.Equal(Slipway.Core.Runs.RunResult.Succeeded, result.Result);
        var notice = Assert.Single(harness.Events.Issues);
        Assert.Equal(IssueType.Notice, notice.Type);
        Assert.Equal("Heads up: new API used", notice.Message);
        Assert.Equal(("src/app.js", 7, 3), (notice.File, notice.Line, notice.Column));
    }

    [Fact]
    public async Task W22_StopCommands_SuspendsUntilToken()
    {
        using var harness = new JobHarness();
        await harness.RunAsync(JobHarness.Workflow("""
                  - run: |
                      echo "::stop-commands::abcdefg"
                      echo "::error::x"
                      echo "::abcdefg::"
                      echo "::error::y"
            """));

        var errors = harness.Events.Issues.Where(i => i.Type == IssueType.Error).Select(i => i.Message).ToList();
        Assert.Equal(["y"], errors);
        Assert.Contains("::error::x", harness.Output);
    }

    [Fact]
    public async Task W23_SetEnv_IsDisabled_UnlessAllowed()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync(JobHarness.Workflow("""
                  - run: echo "::set-env name=A::1"
                    continue-on-error: true
                  - run: echo "::set-env name=B::2"
                    env:
                      ACTIONS_ALLOW_UNSECURE_COMMANDS: true
                  - run: echo "a=[${A:-unset}] b=[${B:-unset}]"
            """));

        Assert.Equal(RunResult.Succeeded, result.Result);
        Assert.Contains(harness.Events.Issues, i => i.Message.StartsWith("The `set-env` command is disabled.", StringComparison.Ordinal));
        Assert.Contains("a=[unset] b=[2]", harness.Output);
    }

    [Fact]
    public async Task W24_AnnotationProperties_AreUnescaped_AndRecorded()
    {
        using var harness = new JobHarness();
        await harness.RunAsync(JobHarness.Workflow("""
                  - run: |
                      echo "::warning title=a%3Ab%2Cc::m%25%0An"
                      echo "::error file=src/app.cs,line=3,col=7::bad thing"
            """));

        Assert.Contains(harness.Events.Issues, i => i.Type == IssueType.Warning && i.Message == "a:b,c: m%\nn");
        Assert.Contains(harness.Events.Issues, i => i.Type == IssueType.Error && i.Message == "bad thing" && i.File == "src/app.cs" && i.Line == 3 && i.Column == 7);
    }

    [Fact]
    public async Task CMD_2_Debug_OnlyWithDebug_AndGroups()
    {
        using var quiet = new JobHarness();
        await quiet.RunAsync(JobHarness.Workflow("""
                  - run: |
                      echo "::debug::hidden detail"
                      echo "::group::My group"
                      echo inside
                      echo "::endgroup::"
            """));
        using var debug = new JobHarness { Debug = true };
        await debug.RunAsync(JobHarness.Workflow("""
                  - run: echo "::debug::hidden detail"
            """));

        Assert.DoesNotContain(quiet.Events.Lines, l => l.Kind == LogLineKind.Debug || l.Text == "hidden detail");
        Assert.Contains(quiet.Events.Lines, l => l.Kind == LogLineKind.Group && l.Text == "My group");
        Assert.Contains(debug.Events.Lines, l => l.Kind == LogLineKind.Debug && l.Text == "hidden detail");
    }

    [Fact]
    public async Task CMD_5_SetOutput_StillWorks_WithDeprecationWarning()
    {
        using var harness = new JobHarness();
        await harness.RunAsync(JobHarness.Workflow("""
                  - id: s
                    run: echo "::set-output name=v::old style"
                  - run: echo "v=[${{ steps.s.outputs.v }}]"
            """));

        Assert.Contains("v=[old style]", harness.Output);
        Assert.Contains(harness.Events.Issues, i => i.Type == IssueType.Warning && i.Message.StartsWith("The `set-output` command is deprecated", StringComparison.Ordinal));
    }
}
