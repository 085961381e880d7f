using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Actions;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Tests.Runtime.GitHub.Jobs;

/// <summary>
/// The <see cref="IActionHost"/> contract the action runner builds on, driven by a small scripted action
/// runner (the real one lives with the actions helper): real processes, state between parts, post parts
/// in reverse order, pre parts, composite steps with their own steps context.
/// </summary>
public sealed class ActionHostTests
{
    private const string Workflow = """
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: test/first@v1
              - id: second
                uses: test/second@v2
                continue-on-error: true
              - id: comp
                uses: test/composite@v1
                env:
                  FROM_CALLER: caller-env
              - run: echo "composite out=[${{ steps.comp.outputs.out }}] conclusion=${{ steps.second.conclusion }}"
        """;

    [Fact]
    public async Task W19_StateFromMain_ReachesPost_PostsRunInReverse_EvenAfterFailure()
    {
        using var harness = new JobHarness { Actions = new ScriptedActions() };
        var result = await harness.RunAsync(Workflow);

        Assert.Equal(RunResult.Succeeded, result.Result);
        var names = harness.Steps.OrderBy(s => s.Node.Order).Select(s => s.Node.DisplayName).ToList();
        Assert.Equal(
        [
            "Set up job", "Pre Run test/first@v1", "Run test/first@v1", "Run test/second@v2", "Run test/composite@v1",
            "Run echo \"composite out=[inner-value] conclusion=success\"",
            "Post Run test/second@v2", "Post Run test/first@v1",
        ], names);
        Assert.Contains("pre ran in __setup? no", harness.Output);
        Assert.Contains("main of first sees STATE_fromPre=p", harness.Output);
        Assert.Contains("post of first sees STATE_k=first", harness.Output);
        Assert.Contains("post of second sees STATE_k=second", harness.Output);
        Assert.Equal(RunResult.SucceededWithIssues, harness.Step("Run test/second@v2").Result);
    }

    [Fact]
    public async Task ACT_4_CompositeSteps_OwnStepsContext_InputsAndCallerEnv()
    {
        using var harness = new JobHarness { Actions = new ScriptedActions() };
        await harness.RunAsync(Workflow);

        Assert.Contains("inner input=hello env=caller-env action_path=/actions/composite", harness.Output);
        Assert.Contains("second inner sees inner=success job-steps-hidden=[]", harness.Output);
        Assert.Contains("composite out=[inner-value] conclusion=success", harness.Output);
    }

    private sealed class ScriptedActions : IActionStepRunner
    {
        public Task<bool> IsContainerEngineAvailableAsync(IActionHost host, CancellationToken cancel) => Task.FromResult(false);

        private static readonly IReadOnlyList<WorkflowStep> CompositeSteps = ReadSteps("""
            on: push
            jobs:
              x:
                runs-on: ubuntu-latest
                steps:
                  - id: inner
                    run: |
                      echo "inner input=${{ inputs.who }} env=$FROM_CALLER action_path=$GITHUB_ACTION_PATH"
                      echo "x=inner-value" >> "$GITHUB_OUTPUT"
                    shell: bash
                  - run: echo "second inner sees inner=${{ steps.inner.outcome }} job-steps-hidden=[${{ steps.second.outcome }}]"
                    shell: bash
            """);

        public Task<ActionPreparation> PrepareAsync(IActionHost host, WorkflowStep step, CancellationToken cancel) =>
            Task.FromResult(step.Uses!.Value == "test/first@v1"
                ? new ActionPreparation(new ActionPhase("always()", (h, c) => Bash(h, "echo \"pre ran in __setup? $([ \"$GITHUB_ACTION\" = __setup ] && echo yes || echo no)\"; echo fromPre=p >> \"$GITHUB_STATE\"", c)))
                : ActionPreparation.None);

        public async Task<StepOutcome> RunAsync(IActionHost host, WorkflowStep step, CancellationToken cancel)
        {
            switch (step.Uses!.Value)
            {
                case "test/composite@v1":
                    var result = await host.RunStepsAsync(CompositeSteps, new ObjectValue([KeyValuePair.Create("who", ExpressionValue.From("hello"))]), "/actions/composite", cancel);
                    var inner = (ObjectValue)((ObjectValue)result.Steps["inner"])["outputs"];
                    host.SetOutput("out", inner["x"].ToDisplayString(ExpressionDialect.GitHubActions));
                    return result.Outcome;
                case var uses:
                    var name = uses == "test/first@v1" ? "first" : "second";
                    host.AddPostStep("Post " + host.DisplayName, new ActionPhase("always()", (h, c) => Bash(h, $"echo \"post of {name} sees STATE_k=$STATE_k\"", c)));
                    return await Bash(host, $"echo \"main of {name} sees STATE_fromPre=$STATE_fromPre\"; echo k={name} >> \"$GITHUB_STATE\"; exit {(name == "first" ? 0 : 1)}", cancel);
            }
        }

        private static async Task<StepOutcome> Bash(IActionHost host, string script, CancellationToken cancel)
        {
            var result = await host.RunProcessAsync("/usr/bin/bash", ["-c", script], host.Folders.Workspace, host.Environment, cancel);
            return StepOutcome.FromExitCode(result.ExitCode, "bash");
        }

        private static IReadOnlyList<WorkflowStep> ReadSteps(string yaml) =>
            WorkflowReader.ReadText(yaml, "action.yml").Workflow!.Jobs.OfType<Job>().Single().Steps;
    }
}
