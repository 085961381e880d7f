using Slipway.Core.Runs;
using Slipway.Core.Tests.Runtime.GitHub.Jobs;

namespace Slipway.Core.Tests.Runtime.GitHub.Actions;

/// <summary>GHA-ACT-4: composite actions run through the job runner's host.</summary>
public sealed class CompositeActionTests
{
    private static void Install(JobHarness harness, string repository, string yaml) =>
        ActionFixtures.Write(Path.Combine(ActionFixtures.ActionsDirectory(harness), "octo", repository, "v1"), ("action.yml", yaml));

    [Fact]
    public async Task GHA_ACT_4_NestedCompositeInputsOutputsEnvAndIf()
    {
        var harness = new JobHarness().WithActions();
        Install(harness, "inner", """
            inputs:
              x: {}
            outputs:
              text:
                value: ${{ steps.s.outputs.t }}
            runs:
              using: composite
              steps:
                - id: s
                  run: echo "t=inner-${{ inputs.x }}" >> "$GITHUB_OUTPUT"
                  shell: bash
            """);
        Install(harness, "outer", """
            inputs:
              who:
                default: world
            outputs:
              message:
                value: ${{ steps.inner.outputs.text }}+${{ steps.say.outputs.said }}
            runs:
              using: composite
              steps:
                - id: say
                  run: |
                    echo "said=hi ${{ inputs.who }}" >> "$GITHUB_OUTPUT"
                    echo "action path=$GITHUB_ACTION_PATH"
                  shell: bash
                - id: inner
                  uses: octo/inner@v1
                  with:
                    x: ${{ inputs.who }}
                - if: inputs.who == 'nobody'
                  run: echo should-not-run
                  shell: bash
                - run: echo "env A=$A"
                  shell: bash
                  env:
                    A: from-composite
            """);
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - id: outer
                    uses: octo/outer@v1
                    with:
                      who: you
                  - id: defaults
                    uses: octo/outer@v1
                  - run: echo "message=${{ steps.outer.outputs.message }} default=${{ steps.defaults.outputs.message }}"
            """);

        Assert.Equal(RunResult.Succeeded, result.Result);
        Assert.Contains("message=inner-you+hi you default=inner-world+hi world", harness.Output);
        Assert.Contains($"action path={Path.Combine(ActionFixtures.ActionsDirectory(harness), "octo", "outer", "v1")}", harness.Output);
        Assert.Contains("env A=from-composite", harness.Output);
        Assert.DoesNotContain("should-not-run", harness.Output);
    }

    [Fact]
    public async Task GHA_ACT_4_FailingStepFailsTheAction()
    {
        var harness = new JobHarness().WithActions();
        Install(harness, "fails", """
            runs:
              using: composite
              steps:
                - run: exit 3
                  shell: bash
                - run: echo after-failure
                  shell: bash
            """);
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - id: f
                    uses: octo/fails@v1
                    continue-on-error: true
                  - run: echo "outcome=${{ steps.f.outcome }} conclusion=${{ steps.f.conclusion }}"
            """);

        Assert.Equal(RunResult.Succeeded, result.Result);
        Assert.DoesNotContain("after-failure", harness.Output);
        Assert.Contains("outcome=failure conclusion=success", harness.Output);
    }

    [Fact]
    public async Task GHA_ACT_4_NestingDeeperThanTenIsAClearError()
    {
        var harness = new JobHarness().WithActions();
        Install(harness, "loop", """
            runs:
              using: composite
              steps:
                - uses: octo/loop@v1
            """);
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: octo/loop@v1
            """);

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.Contains("nested at most 10 deep", harness.OutputText + harness.LogFiles, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GHA_ACT_4_RunStepWithoutShellFailsTheJobSetupAtTheStep()
    {
        var harness = new JobHarness().WithActions();
        Install(harness, "noshell", "runs:\n  using: composite\n  steps:\n    - run: echo hi\n");
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: octo/noshell@v1
            """);

        Assert.Equal(RunResult.Failed, result.Result);
        var text = harness.OutputText + harness.LogFiles;
        Assert.Contains("SLW8409", text, StringComparison.Ordinal);
        Assert.Contains("action.yml(4,7)", text, StringComparison.Ordinal);
    }
}
