using System.Diagnostics;

namespace Slipway.Cli.Tests.Run;

/// <summary><c>slipway run</c> with checkout steps on real git repositories (AZP-STEP-11, AZP-STEP-12, AZP-VAR-80).</summary>
[Trait("Category", "EndToEnd")]
public sealed class CheckoutRunTests
{
    private const string ShowSources = """
        steps:
        - bash: |
            echo "file=$(cat a.txt)"
            echo "branch=$(Build.SourceBranch) name=$(Build.SourceBranchName)"
            echo "message=$(Build.SourceVersionMessage)"
            echo "version=$(Build.SourceVersion)"
            echo "shallow=$(git rev-parse --is-shallow-repository)"
        """;

    [Fact]
    public async Task AZP_STEP_11_ImplicitCheckoutIsACleanShallowCopyOfHeadWithItsVariables()
    {
        var harness = new RunHarness();
        harness.Write("a.txt", "committed");
        harness.Write(".gitignore", ".slipway/\n");
        harness.Write("azure-pipelines.yml", ShowSources);
        harness.InitGit("feature/x", "Add the thing");
        harness.Write("a.txt", "edited, not committed");

        var run = await harness.RunAsync(ShowSources);

        Assert.Equal(0, run.Code);
        var lines = run.Lines("Job");
        Assert.Contains("file=committed", lines);
        Assert.Contains("branch=refs/heads/feature/x name=x", lines);
        Assert.Contains("message=Add the thing", lines);
        Assert.Contains("shallow=true", lines);
        Assert.Contains(lines, l => l.StartsWith("version=", StringComparison.Ordinal) && l.Length == "version=".Length + 40);
    }

    [Fact]
    public async Task AZP_STEP_11_DirtyIncludesUncommittedChanges()
    {
        var harness = new RunHarness();
        harness.Write("a.txt", "committed");
        harness.Write(".gitignore", ".slipway/\n");
        harness.Write("azure-pipelines.yml", ShowSources);
        harness.InitGit();
        harness.Write("a.txt", "edited");

        var run = await harness.RunAsync(ShowSources, "--dirty");

        Assert.Equal(0, run.Code);
        Assert.Contains("file=edited", run.Lines("Job"));
    }

    [Fact]
    public async Task AZP_STEP_12_SecondRepositoryFromRepoFlagLandsInSSlashName()
    {
        var tools = Directory.CreateTempSubdirectory("slipway-tools-").FullName;
        File.WriteAllText(Path.Combine(tools, "tool.txt"), "tool v1");
        Git(tools, "init", "-q", "-b", "main");
        Git(tools, "add", "-A");
        Git(tools, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "tools");
        const string yaml = """
            resources:
              repositories:
              - repository: tools
                type: git
                name: Contoso/Tools
                ref: main
            steps:
            - checkout: self
            - checkout: tools
            - bash: echo "tool=$(cat $(Pipeline.Workspace)/s/Tools/tool.txt) sources=$(basename $(Build.SourcesDirectory))"
            """;
        var harness = new RunHarness();
        harness.Write("a.txt", "app");
        harness.Write(".gitignore", ".slipway/\n");
        harness.Write("azure-pipelines.yml", yaml);
        harness.InitGit();

        var run = await harness.RunAsync(yaml, "--repo", "tools=" + tools);

        Assert.Equal(0, run.Code);
        Assert.Contains("tool=tool v1 sources=s", run.Lines("Job"));
    }

    [Fact]
    public async Task AZP_STEP_12_ACheckoutWithoutItsRepoFlagFailsNamingTheAliasAndTheFlag()
    {
        const string yaml = """
            resources:
              repositories:
              - repository: tools
                type: git
                name: Contoso/Tools
            steps:
            - checkout: tools
            """;
        var harness = new RunHarness();
        harness.Write("azure-pipelines.yml", yaml);
        harness.InitGit();

        var run = await harness.RunAsync(yaml);

        Assert.Equal(1, run.Code);
        Assert.Contains("--repo tools=PATH", run.Out + run.Err, StringComparison.Ordinal);
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
