namespace Slipway.Cli.Tests.Run.GitHub;

/// <summary><c>slipway run</c> on a workflow with <c>uses:</c> steps: emulated checkout, a local action, remote actions from <c>--actions-dir</c>.</summary>
public sealed class ActionsRunTests
{
    private const string Workflow = """
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - id: greet
                uses: octo/greet@v1
                with:
                  who: cli
              - uses: octo/js@v1
                with:
                  name: from-with
              - uses: ./.github/actions/local
              - run: echo "greeting=${{ steps.greet.outputs.greeting }}"
        """;

    private static GitHubRunHarness Repository()
    {
        var harness = new GitHubRunHarness();
        harness.Workflow("ci", Workflow);
        harness.Write("README.md", "readme text\n");
        harness.Write(".github/actions/local/action.yml", "runs:\n  using: composite\n  steps:\n    - run: cat README.md\n      shell: bash\n");
        return harness;
    }

    [Fact]
    public async Task GHA_STEP_3_ActionsFromTheActionsFolderTheWorkspaceAndEmulation()
    {
        var cli = Repository();
        var actions = Path.Combine(Path.GetTempPath(), "slipway-actions-" + Guid.NewGuid().ToString("N"));
        cli.Write(Path.Combine(actions, "octo/greet/v1/action.yml"), """
            inputs:
              who: {}
            outputs:
              greeting:
                value: ${{ steps.s.outputs.text }}
            runs:
              using: composite
              steps:
                - id: s
                  run: echo "text=hello ${{ inputs.who }}" >> "$GITHUB_OUTPUT"
                  shell: bash
            """);
        cli.Write(Path.Combine(actions, "octo/js/v1/action.yml"), "inputs:\n  name: {}\nruns:\n  using: node20\n  main: main.mjs\n");
        cli.Write(Path.Combine(actions, "octo/js/v1/main.mjs"), "console.log(`js says ${process.env.INPUT_NAME}`);\n");

        var outcome = await cli.RunAsync(".github/workflows/ci.yml", "--actions-dir", actions, "--plain");

        Assert.True(outcome.Code == 0, outcome.Out + outcome.Err);
        Assert.Contains("greeting=hello cli", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("js says from-with", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("readme text", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingActionFailsTheRunSayingHowToFillTheActionsFolder()
    {
        var cli = Repository();
        var actions = Path.Combine(Path.GetTempPath(), "slipway-actions-" + Guid.NewGuid().ToString("N"));

        var outcome = await cli.RunAsync(".github/workflows/ci.yml", "--actions-dir", actions, "--plain");

        Assert.Equal(1, outcome.Code);
        Assert.Contains($"git clone --depth 1 -b v1 https://github.com/octo/greet {Path.Combine(actions, "octo", "greet", "v1")}", outcome.Out + outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GHA_ACT_5_CheckoutOfAnotherRepositoryComesFromItsRepoPath()
    {
        var cli = new GitHubRunHarness();
        cli.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    with:
                      repository: acme/other
                      path: other
                  - run: cat other/hello.txt
            """);
        var other = Directory.CreateTempSubdirectory("slipway-other-").FullName;
        await File.WriteAllTextAsync(Path.Combine(other, "hello.txt"), "text from the other repository\n");
        foreach (var args in new[] { "init -q -b main", "add -A", "-c user.name=t -c user.email=t@example.com commit -q -m other" })
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", args) { WorkingDirectory = other })!;
            await git.WaitForExitAsync();
            Assert.Equal(0, git.ExitCode);
        }

        var outcome = await cli.RunAsync(".github/workflows/ci.yml", "--repo", "acme/other=" + other, "--plain");

        Assert.True(outcome.Code == 0, outcome.Out + outcome.Err);
        Assert.Contains("text from the other repository", outcome.Out, StringComparison.Ordinal);
    }
}
