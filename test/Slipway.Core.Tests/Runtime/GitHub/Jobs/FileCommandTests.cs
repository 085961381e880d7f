using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Reporting;

namespace Slipway.Core.Tests.Runtime.GitHub.Jobs;

/// <summary>GHA-FILE-1..7 through real steps (test cases W14-W18, W20).</summary>
public sealed class FileCommandTests
{
    [Fact]
    public async Task W14_HeredocOutput_ReachesStepsContext()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync(JobHarness.Workflow("""
                  - id: s
                    run: |
                      echo "x<<EOF" >> "$GITHUB_OUTPUT"
                      echo a >> "$GITHUB_OUTPUT"
                      echo b >> "$GITHUB_OUTPUT"
                      echo EOF >> "$GITHUB_OUTPUT"
                  - run: echo "got=[${{ steps.s.outputs.x == format('a{0}b', fromJSON('"\n"')) }}]"
            """));

        Assert.Equal(RunResult.Succeeded, result.Result);
        Assert.Contains("got=[true]", harness.Output);
    }

    [Fact]
    public async Task W15_EnvFile_SplitsAtFirstEquals_ForLaterSteps()
    {
        using var harness = new JobHarness();
        await harness.RunAsync(JobHarness.Workflow("""
                  - run: echo "A=b=c" >> "$GITHUB_ENV"
                  - run: echo "shell=[$A] context=[${{ env.A }}]"
            """));

        Assert.Contains("shell=[b=c] context=[b=c]", harness.Output);
    }

    [Fact]
    public async Task W16_MissingDelimiter_FailsTheStep()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync(JobHarness.Workflow("""
                  - run: printf 'x<<EOF\na\n' >> "$GITHUB_OUTPUT"
            """));

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.Contains(harness.Events.Issues, i => i.Message == "Invalid value. Matching delimiter not found 'EOF'");
    }

    [Fact]
    public async Task W17_NodeOptions_IsBlocked()
    {
        using var harness = new JobHarness();
        await harness.RunAsync(JobHarness.Workflow("""
                  - run: echo "NODE_OPTIONS=--x" >> "$GITHUB_ENV"
                    continue-on-error: true
                  - run: echo "node_options=[${NODE_OPTIONS:-unset}]"
            """));

        Assert.Contains(harness.Events.Issues, i => i.Type == IssueType.Error && i.Message == "Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.");
        Assert.Contains("node_options=[unset]", harness.Output);
    }

    [Fact]
    public async Task W18_PathFile_PrependsLatestFirst()
    {
        using var harness = new JobHarness();
        await harness.RunAsync(JobHarness.Workflow("""
                  - run: |
                      echo /a >> "$GITHUB_PATH"
                      echo /b >> "$GITHUB_PATH"
                  - run: echo /a >> "$GITHUB_PATH"
                  - run: echo "path=$PATH"
            """));

        Assert.Contains(harness.Output, l => l.StartsWith("path=/a:/b:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FILE_1_FilesAreFreshPerStep_WithRunnerNames()
    {
        using var harness = new JobHarness();
        await harness.RunAsync(JobHarness.Workflow("""
                  - run: |
                      echo "one=$GITHUB_OUTPUT"
                      test -f "$GITHUB_ENV" && test -f "$GITHUB_PATH" && test -f "$GITHUB_STATE" && test -f "$GITHUB_STEP_SUMMARY"
                      echo "k=v" >> "$GITHUB_OUTPUT"
                  - run: |
                      echo "two=$GITHUB_OUTPUT"
                      echo "size=$(wc -c < "$GITHUB_OUTPUT")"
            """));

        var one = harness.Output.Single(l => l.StartsWith("one=", StringComparison.Ordinal))[4..];
        var two = harness.Output.Single(l => l.StartsWith("two=", StringComparison.Ordinal))[4..];
        Assert.NotEqual(one, two);
        Assert.StartsWith("set_output_", Path.GetFileName(one), StringComparison.Ordinal);
        Assert.Contains("size=0", harness.Output);
    }

    [Fact]
    public async Task W20_StepSummaryOver1MiB_IsAnError_AndNotStored()
    {
        using var harness = new JobHarness();
        var summaries = new List<StepSummaryAdded>();
        var result = await harness.RunAsync(JobHarness.Workflow("""
                  - run: head -c 1048577 /dev/zero | tr '\0' 'a' >> "$GITHUB_STEP_SUMMARY"
                  - run: echo "## Hello ${{ secrets.MY_SECRET }}" >> "$GITHUB_STEP_SUMMARY"
            """));

        summaries.AddRange(harness.Events.All.OfType<StepSummaryAdded>());
        var builder = new RunReportBuilder();
        foreach (var e in harness.Events.All)
        {
            builder.OnEvent(e);
        }

        var reported = Assert.Single(builder.Build().StepSummaries);
        Assert.Equal(("Run echo \"## Hello ***\" >> \"$GITHUB_STEP_SUMMARY\"", "## Hello ***\n"), (reported.DisplayName, reported.Markdown));
        Assert.Equal(RunResult.Succeeded, result.Result);
        Assert.Contains(harness.Events.Issues, i => i.Type == IssueType.Error && i.Message.StartsWith("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k, got 1024k.", StringComparison.Ordinal));
        var summary = Assert.Single(summaries);
        Assert.Equal("## Hello ***\n", summary.Markdown);
        Assert.Equal("## Hello ***\n", File.ReadAllText(summary.Path));
    }

    [Fact]
    public async Task FILE_6_StateFile_IsKeptForTheAction()
    {
        using var harness = new JobHarness();
        await harness.RunAsync(JobHarness.Workflow("""
                  - id: s
                    run: echo "k=v" >> "$GITHUB_STATE"
                  - run: echo "state=[${STATE_k:-none}]"
            """));

        // STATE_* goes to the same action's other parts only, never to other steps (GHA-FILE-6).
        Assert.Contains("state=[none]", harness.Output);
    }

    [Fact]
    public async Task GHA_FILE_1_FilesExistWhenTheProcessStarts_AndOnlyStepsThatRanMadeThem()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync(JobHarness.Workflow("""
                  - if: false
                    run: echo never
                  - run: |
                      for f in "$GITHUB_ENV" "$GITHUB_PATH" "$GITHUB_OUTPUT" "$GITHUB_STATE" "$GITHUB_STEP_SUMMARY"; do test -f "$f" || echo "missing $f"; done
                      echo "files=[$(ls "$RUNNER_TEMP/_runner_file_commands" | wc -l)]"
            """));

        // "Set up job" and the skipped step started no process: the five files are this step's own.
        Assert.Equal(RunResult.Succeeded, result.Result);
        Assert.DoesNotContain(harness.Output, l => l.StartsWith("missing ", StringComparison.Ordinal));
        Assert.Contains("files=[5]", harness.Output);
    }

    [Fact]
    public async Task GHA_FILE_1_AStepThatEmptiesRunnerTemp_DoesNotBreakTheNextStepsFiles()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync(JobHarness.Workflow("""
                  - run: rm -rf "$RUNNER_TEMP"/*
                  - id: s
                    run: echo "x=1" >> "$GITHUB_OUTPUT"
                  - run: echo "x=[${{ steps.s.outputs.x }}]"
            """));

        Assert.Equal(RunResult.Succeeded, result.Result);
        Assert.Contains("x=[1]", harness.Output);
    }
}
