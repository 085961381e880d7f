using System.Text.Json;

namespace Slipway.Cli.Tests;

public sealed class ExpandCommandTests
{
    [Fact]
    public async Task Expand_PrintsFullYaml_WithImpliedStageJobAndTaskForm()
    {
        var cli = new CliRun();
        cli.Write("ci.yml", "steps:\n- script: echo hi\n");
        var (code, stdout, stderr) = await cli.RunAsync("expand", "ci.yml", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(stderr);
        var lines = stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains("  - stage: __default", lines);
        Assert.Contains("      - job: Job", lines);
        Assert.Contains("          - checkout: self", lines);
        Assert.Contains("          - task: CmdLine@2", lines);
        Assert.Contains("              script: echo hi", lines);
    }

    [Fact]
    public async Task Expand_Json_IsParseable_AndHasTheSameShape()
    {
        var cli = new CliRun();
        cli.Write("ci.yml", "jobs:\n- job: A\n  steps:\n  - bash: echo a\n");
        var (code, stdout, _) = await cli.RunAsync("expand", "ci.yml", "-C", cli.Dir, "--format", "json");
        Assert.Equal(ExitCodes.Success, code);
        using var doc = JsonDocument.Parse(stdout);
        var job = doc.RootElement.GetProperty("stages")[0].GetProperty("jobs")[0];
        Assert.Equal("A", job.GetProperty("job").GetString());
        Assert.Equal("Bash@3", job.GetProperty("steps")[1].GetProperty("task").GetString());
    }

    [Fact]
    public async Task Expand_QueueTimeVariables_AreShown_AndParametersWarnWithoutTemplates()
    {
        var cli = new CliRun();
        cli.Write("ci.yml", "steps:\n- script: x\n");
        var (code, stdout, stderr) = await cli.RunAsync("expand", "ci.yml", "-C", cli.Dir, "--var", "config=Debug", "--param", "env=prod", "--repo", "tools=../tools");
        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("# queue-time variable: config=Debug\n", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("warning SLW4012", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expand_InvalidPipeline_ExitsTwo_AndPrintsNothing()
    {
        var cli = new CliRun();
        cli.Write("ci.yml", "steps:\n- task: NoSuchTask@1\n");
        var (code, stdout, stderr) = await cli.RunAsync("expand", "ci.yml", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Empty(stdout);
        Assert.StartsWith("ci.yml(2,3): error SLW4400: 'NoSuchTask@1' is not a known built-in task.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expand_UnknownFormat_IsAUsageError()
    {
        var (code, _, stderr) = await new CliRun().RunAsync("expand", "--format", "xml");
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("xml", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expand_Output_ValidatesAgain()
    {
        var cli = new CliRun();
        var (_, expanded, _) = await cli.RunAsync("expand", CliRun.Example("dotnet-app"));
        cli.Write("expanded.yml", expanded);
        var (code, _, stderr) = await cli.RunAsync("validate", "expanded.yml", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(stderr);
    }
}
