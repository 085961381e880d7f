using System.Diagnostics;

namespace Slipway.Cli.Tests.Run;

/// <summary><c>slipway run</c> on a workflow with <c>uses:</c> steps: emulated checkout, a local action, remote actions from <c>--actions-dir</c>.</summary>
public sealed class GitHubActionsRunTests
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

    private static CliRun Repository()
    {
        var cli = new CliRun();
        cli.Write(".github/workflows/ci.yml", Workflow);
        cli.Write("README.md", "readme text\n");
        cli.Write(".github/actions/local/action.yml", "runs:\n  using: composite\n  steps:\n    - run: cat README.md\n      shell: bash\n");
        Git(cli.Dir, "init", "-q", "-b", "main");
        Git(cli.Dir, "-c", "user.name=T", "-c", "user.email=t@example.com", "add", "-A");
        Git(cli.Dir, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first");
        return cli;
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

        var (code, stdout, stderr) = await cli.RunAsync("run", ".github/workflows/ci.yml", "--actions-dir", actions, "--plain");

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("greeting=hello cli", stdout, StringComparison.Ordinal);
        Assert.Contains("js says from-with", stdout, StringComparison.Ordinal);
        Assert.Contains("readme text", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingActionFailsTheRunSayingHowToFillTheActionsFolder()
    {
        var cli = Repository();
        var actions = Path.Combine(Path.GetTempPath(), "slipway-actions-" + Guid.NewGuid().ToString("N"));

        var (code, stdout, stderr) = await cli.RunAsync("run", ".github/workflows/ci.yml", "--actions-dir", actions, "--plain");

        Assert.Equal(1, code);
        Assert.Contains($"git clone --depth 1 -b v1 https://github.com/octo/greet {Path.Combine(actions, "octo", "greet", "v1")}", stdout + stderr, StringComparison.Ordinal);
    }

    private static void Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
    }
}
