using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.GitHub.Jobs;
using Slipway.Core.Tests.Runtime.GitHub.Jobs;

namespace Slipway.Core.Tests.Runtime.GitHub.Actions;

/// <summary>GHA-ACT-2 with the real <c>@actions/core</c> 3.0.1 (test/fixtures/actions/core-js): what the runner does with each toolkit call.</summary>
public sealed class JavaScriptActionTests
{
    private const string Workflow = """
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - id: core
                uses: octo/core-js@v1
                with:
                  my input: 7
                  typo: 1
                  secret: hunter2-token
              - run: |
                  echo "greeting=${{ steps.core.outputs.greeting }}"
                  echo "FROM_ACTION=$FROM_ACTION"
                  echo "PATH=$PATH"
        """;

    [Fact]
    public async Task GHA_ACT_2_CoreToolkitCallsReachTheRunner()
    {
        var harness = new JobHarness().WithActions();
        var folder = ActionFixtures.InstallRemote(harness, "core-js", "octo", "core-js", "v1");
        var result = await harness.RunAsync(Workflow);
        var output = harness.OutputText;

        // An error annotation does not fail the step (only setFailed / a non-zero exit does).
        Assert.NotEqual(RunResult.Failed, result.Result);
        Assert.Contains("input=7 flag=true env=7", harness.Output);                                         // W25: INPUT_MY_INPUT
        Assert.Contains("pre ran with my input=7", harness.Output);                                         // pre gets the inputs too
        Assert.Contains("main sees state from pre=pre-value", harness.Output);                              // STATE_* from pre
        Assert.Contains("post sees k=v STATE_k=v from-pre=pre-value", harness.Output);                      // W19 (post, after the other step)
        Assert.Contains("the secret is ***", harness.Output);                                               // setSecret -> add-mask
        Assert.DoesNotContain("hunter2-token", output, StringComparison.Ordinal);
        Assert.Contains("greeting=hello 7", harness.Output);                                                // setOutput -> steps.core.outputs
        Assert.Contains("FROM_ACTION=exported value", harness.Output);                                      // exportVariable -> GITHUB_ENV
        Assert.Contains(harness.Output, l => l.StartsWith("PATH=/opt/from-action/bin:", StringComparison.Ordinal)); // addPath -> GITHUB_PATH
        Assert.DoesNotContain("a debug line", output, StringComparison.Ordinal);                            // debug only with --debug
        Assert.Contains("inside the group", harness.Output);
        Assert.Contains($"action path={folder} repository=octo/core-js ref=v1", harness.Output);
        Assert.Contains(harness.Events.Issues, i => i.Message.Contains("Unexpected input(s) 'typo', valid inputs are ['my input', 'flag', 'secret', 'fail', 'drop-output-file']", StringComparison.Ordinal)); // W26
        var warning = Assert.Single(harness.Events.Issues, i => i.Message.Contains("a warning", StringComparison.Ordinal));
        Assert.Equal((IssueType.Warning, "Warn title: a warning", "src/b.ts", 5, 2), (warning.Type, warning.Message, warning.File, warning.Line, warning.Column));
        var error = Assert.Single(harness.Events.Issues, i => i.Message.Contains("an error annotation", StringComparison.Ordinal));
        Assert.Equal((IssueType.Error, "src/c.ts", 7), (error.Type, error.File, error.Line));
        var summary = Assert.Single(harness.Events.All.OfType<StepSummaryAdded>());
        Assert.Contains("<h1>Summary heading</h1>", summary.Markdown, StringComparison.Ordinal);
        Assert.Contains("summary body", summary.Markdown, StringComparison.Ordinal);
        var post = harness.Steps.Last();
        Assert.StartsWith("Post ", post.Node.DisplayName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GHA_ACT_2_W27_PostRunsWhenMainFails()
    {
        var harness = new JobHarness().WithActions();
        ActionFixtures.InstallRemote(harness, "core-js", "octo", "core-js", "v1");
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: octo/core-js@v1
                    with:
                      fail: true
                  - run: echo never
            """);

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.Contains(harness.Events.Issues, i => i.Message.Contains("asked to fail", StringComparison.Ordinal));
        Assert.DoesNotContain("never", harness.Output);
        Assert.Contains("post sees k=v STATE_k=v from-pre=pre-value", harness.Output);
    }

    [Fact]
    public async Task W30_SetOutputWithoutTheOutputFileThrowsInTheToolkit()
    {
        var harness = new JobHarness().WithActions();
        ActionFixtures.InstallRemote(harness, "core-js", "octo", "core-js", "v1");
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: octo/core-js@v1
                    with:
                      drop-output-file: true
            """);

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.Contains(harness.Output, l => l.Contains("Missing file at path:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GHA_STEP_3_MissingRemoteActionFailsTheJobSetupNamingTheFolder()
    {
        var harness = new JobHarness().WithActions();
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: octo/absent@v2
            """);

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.Contains("git clone --depth 1 -b v2 https://github.com/octo/absent", harness.OutputText + harness.LogFiles, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DebugLinesShowWithDebug_AndRetiredNodeVersionsRunWithAWarning()
    {
        var harness = new JobHarness { Debug = true }.WithActions();
        var folder = ActionFixtures.InstallRemote(harness, "core-js", "octo", "core-js", "v1");
        File.WriteAllText(Path.Combine(folder, "action.yml"), File.ReadAllText(Path.Combine(folder, "action.yml")).Replace("using: node20", "using: node16", StringComparison.Ordinal));
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: octo/core-js@v1
            """);

        Assert.NotEqual(RunResult.Failed, result.Result);
        Assert.Contains("a debug line", harness.OutputText, StringComparison.Ordinal);
        Assert.Contains(harness.Events.Issues, i => i.Message.Contains("uses 'node16', which GitHub has retired", StringComparison.Ordinal));
        Assert.Contains("input=from-default flag=true env=from-default", harness.Output);
    }
}
