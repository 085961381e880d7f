using System.Diagnostics;
using Slipway.Core.Runtime.Repositories;

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
    public async Task AZP_STEP_11_CheckoutNone_ChecksOutNothing_AndShowsNoCheckoutStep()
    {
        var harness = new RunHarness();
        harness.Write("a.txt", "committed");
        harness.InitGit();

        var run = await harness.RunAsync("""
            steps:
            - checkout: none
            - bash: echo "sources=[$(ls "$(Build.SourcesDirectory)" | wc -l)]"
              displayName: Look
            """);

        Assert.Equal(0, run.Code);
        Assert.Contains("sources=[0]", run.Lines("Job"));
        var steps = run.Json.GetProperty("stages")[0].GetProperty("jobs")[0].GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("displayName").GetString()).ToList();
        Assert.Equal(["Look"], steps);
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

    [Fact]
    public async Task AZP_STEP_12_MultiRepoCheckoutKeepsSourcesDirectoryAndMovesLocalPathToSSlashName()
    {
        var tools = NewToolsRepository();
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
            - bash: |
                echo "sources=$(Build.SourcesDirectory)"
                echo "local=$(Build.Repository.LocalPath)"
                echo "default=$(System.DefaultWorkingDirectory)"
                echo "workspace=$(Pipeline.Workspace)"
                echo "app=$(cat $(Build.Repository.LocalPath)/a.txt) tool=$(cat $(Build.SourcesDirectory)/Tools/tool.txt)"
            """;
        var harness = new RunHarness();
        harness.Write("a.txt", "app");
        harness.Write(".gitignore", ".slipway/\n");
        harness.InitGit();
        var repositoryName = Path.GetFileName(Path.TrimEndingDirectorySeparator(harness.Dir));

        var run = await harness.RunAsync(yaml, "--repo", "tools=" + tools);

        Assert.Equal(0, run.Code);
        var lines = run.Lines("Job");
        var workspace = Value(lines, "workspace");
        Assert.Equal(Path.Combine(workspace, "s"), Value(lines, "sources"));
        Assert.Equal(Path.Combine(workspace, "s"), Value(lines, "default"));
        Assert.Equal(Path.Combine(workspace, "s", repositoryName), Value(lines, "local"));
        Assert.Contains("app=app tool=tool v1", lines);
    }

    [Fact]
    public async Task AZP_STEP_12_SelfWithPathMovesSourcesDirectoryAndTheNextStepsWorkingDirectory()
    {
        const string yaml = """
            steps:
            - checkout: self
              path: src/app
            - bash: |
                echo "sources=$(Build.SourcesDirectory)"
                echo "default=$(System.DefaultWorkingDirectory)"
                echo "local=$(Build.Repository.LocalPath)"
                echo "env=$BUILD_SOURCESDIRECTORY"
                echo "workspace=$(Pipeline.Workspace)"
                echo "pwd=$(pwd -P)"
                echo "expected=$(cd "$(Pipeline.Workspace)/src/app" && pwd -P)"
                echo "file=$(cat a.txt)"
            """;
        var harness = new RunHarness();
        harness.Write("a.txt", "app");
        harness.Write(".gitignore", ".slipway/\n");
        harness.InitGit();

        var run = await harness.RunAsync(yaml);

        Assert.Equal(0, run.Code);
        var lines = run.Lines("Job");
        var app = Path.Combine(Value(lines, "workspace"), "src", "app");
        Assert.Equal(app, Value(lines, "sources"));
        Assert.Equal(app, Value(lines, "default"));
        Assert.Equal(app, Value(lines, "local"));
        Assert.Equal(app, Value(lines, "env"));
        Assert.Equal(Value(lines, "expected"), Value(lines, "pwd"));
        Assert.Contains("file=app", lines);
        Assert.DoesNotContain("SLW7610", run.Out + run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZP_VAR_80_JobStartVariablesComeFromTheCheckoutAndTheRepositories()
    {
        var tools = NewToolsRepository();
        const string yaml = """
            resources:
              repositories:
              - repository: tools
                type: git
                name: Contoso/Tools
                ref: main
            steps:
            - checkout: self
              clean: true
              submodules: true
            - bash: |
                echo "clean=$(Build.Repository.Clean)"
                echo "submodules=$(Build.Repository.Git.SubmoduleCheckout)"
                echo "toolsversion=$(resources.repositories.tools.version)"
                echo "toolsname=$(resources.repositories.tools.name)"
                echo "id=$(Build.Repository.ID)"
            """;
        var harness = new RunHarness();
        harness.Write("a.txt", "app");
        harness.Write(".gitignore", ".slipway/\n");
        harness.InitGit();
        Git(harness.Dir, "remote", "add", "origin", "https://dev.azure.com/contoso/Project/_git/App");

        var run = await harness.RunAsync(yaml, "--repo", "tools=" + tools);

        Assert.Equal(0, run.Code);
        var lines = run.Lines("Job");
        Assert.Equal("True", Value(lines, "clean"));
        Assert.Equal("True", Value(lines, "submodules"));
        Assert.Equal(GitOutput(tools, "rev-parse", "HEAD"), Value(lines, "toolsversion"));
        Assert.Equal("Contoso/Tools", Value(lines, "toolsname"));
        Assert.True(Guid.TryParse(Value(lines, "id"), out _), "Build.Repository.ID of an Azure Repos repository is a GUID: " + Value(lines, "id"));
    }

    [Fact]
    public async Task AZP_VAR_80_RepositoryReaderWarningsAreIssuesOncePerRun()
    {
        const string yaml = """
            jobs:
            - job: A
              steps:
              - bash: echo a
            - job: B
              steps:
              - bash: echo b
            """;
        var harness = new RunHarness();
        harness.Write("a.txt", "app");
        harness.Write(".gitignore", ".slipway/\n");
        harness.InitGit();
        Git(harness.Dir, "checkout", "-q", "--detach");

        var run = await harness.RunAsync(yaml);

        Assert.Equal(0, run.Code);
        var detached = run.Issues().Where(i => i.TryGetProperty("code", out var c) && c.GetString() == RepositoryDiagnosticCodes.DetachedHead).ToList();
        var issue = Assert.Single(detached);
        Assert.Equal("Warning", issue.GetProperty("type").GetString());
        Assert.Contains("detached", issue.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(RepositoryDiagnosticCodes.DetachedHead, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZP_STEP_11_CheckoutIsNamedAsTheAgentNamesItUnlessItHasADisplayName()
    {
        const string yaml = """
            jobs:
            - job: A
              steps:
              - checkout: self
            - job: B
              steps:
              - checkout: self
                displayName: Get the sources
            """;
        var harness = new RunHarness();
        harness.Write("a.txt", "app");
        harness.Write(".gitignore", ".slipway/\n");
        harness.InitGit("feature/x");
        var repositoryName = Path.GetFileName(Path.TrimEndingDirectorySeparator(harness.Dir));

        var run = await harness.RunAsync(yaml);

        var names = run.Records().Select(r => r.GetProperty("displayName").GetString()).ToList();
        Assert.Equal(0, run.Code);
        Assert.Contains($"Checkout {repositoryName}@feature/x to s", names);
        Assert.Contains("Get the sources", names);
    }

    internal static string NewToolsRepository()
    {
        var tools = Directory.CreateTempSubdirectory("slipway-tools-").FullName;
        File.WriteAllText(Path.Combine(tools, "tool.txt"), "tool v1");
        Git(tools, "init", "-q", "-b", "main");
        Git(tools, "add", "-A");
        Git(tools, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "tools");
        return tools;
    }

    internal static string Value(List<string> lines, string key) =>
        lines.FirstOrDefault(l => l.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..]
        ?? throw new Xunit.Sdk.XunitException($"No '{key}=' line in the job's output:\n{string.Join('\n', lines)}");

    internal static string GitOutput(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return output;
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
