namespace Slipway.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_ValidFile_ExitsZero_AndSaysSo()
    {
        var cli = new CliRun();
        cli.Write("ci.yml", "steps:\n- script: echo hi\n");
        var (code, stdout, stderr) = await cli.RunAsync("validate", "ci.yml", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("ci.yml: valid (1 stage, 1 job, 2 steps).\n", stdout.ReplaceLineEndings("\n"));
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Validate_InvalidFile_ExitsTwo_WithPositionedErrorsOnStderr()
    {
        var cli = new CliRun();
        cli.Write("ci.yml", "jobs:\n- job: A\n  steps:\n  - script: x\n- job: B\n  dependsOn: C\n  steps:\n  - script: y\n");
        var (code, stdout, stderr) = await cli.RunAsync("validate", "ci.yml", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Empty(stdout);
        Assert.Equal("ci.yml(6,14): error SLW4304: The job 'B' depends on 'C', which is not a job in stage '__default'.", stderr.Trim());
    }

    [Fact]
    public async Task Validate_WarningsOnly_ExitsZero_AndPrintsTheWarnings()
    {
        var cli = new CliRun();
        cli.Write("ci.yml", "variables:\n- group: shared\nsteps:\n- script: x\n");
        var (code, _, stderr) = await cli.RunAsync("validate", "ci.yml", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("ci.yml(2,10): warning SLW4202: Variable group 'shared' is not known locally", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_YamlSyntaxError_ExitsTwo()
    {
        var cli = new CliRun();
        cli.Write("ci.yml", "steps:\n- script: [unclosed\n");
        var (code, _, stderr) = await cli.RunAsync("validate", "ci.yml", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("error SLW1010", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WithoutFile_FindsAzurePipelinesYml()
    {
        var cli = new CliRun();
        cli.Write("azure-pipelines.yml", "steps:\n- bash: echo hi\n");
        var (code, stdout, _) = await cli.RunAsync("validate", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("azure-pipelines.yml: valid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WithoutFile_FallsBackToTheAzurePipelinesFolder()
    {
        var cli = new CliRun();
        cli.Write(".azure-pipelines/ci.yml", "steps:\n- bash: echo hi\n");
        var (code, stdout, _) = await cli.RunAsync("validate", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith($".azure-pipelines{Path.DirectorySeparatorChar}ci.yml: valid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WithoutFile_SeveralCandidates_IsAnError()
    {
        var cli = new CliRun();
        cli.Write(".azure-pipelines/a.yml", "steps:\n- bash: a\n");
        cli.Write(".azure-pipelines/b.yml", "steps:\n- bash: b\n");
        var (code, _, stderr) = await cli.RunAsync("validate", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("error SLW4901: Several pipelines were found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NothingToValidate_IsAnError()
    {
        var cli = new CliRun();
        var (code, _, stderr) = await cli.RunAsync("validate", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("error SLW4900: No pipeline was found", stderr, StringComparison.Ordinal);
        (code, _, stderr) = await cli.RunAsync("validate", "missing.yml", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Equal("missing.yml: error SLW4900: File 'missing.yml' was not found.", stderr.Trim());
    }

    [Fact]
    public async Task Expand_GitHubWorkflow_PointsToValidate()
    {
        var cli = new CliRun();
        cli.Write(".github/workflows/ci.yml", "on: push\njobs: {}\n");
        var (code, _, stderr) = await cli.RunAsync("expand", ".github/workflows/ci.yml", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("SLW4902", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dotnet-app")]
    [InlineData("matrix-build")]
    [InlineData("fan-out-fan-in")]
    [InlineData("hello")]
    public async Task Validate_Examples_AreValid(string example)
    {
        var (code, _, stderr) = await new CliRun().RunAsync("validate", CliRun.Example(example));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Validate_ExampleFolder_FindsItsPipeline()
    {
        var folder = Path.GetDirectoryName(CliRun.Example("dotnet-app"))!;
        var (code, stdout, _) = await new CliRun().RunAsync("validate", "-C", folder);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("azure-pipelines.yml: valid (3 stages, 3 jobs, 13 steps).\n", stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Validate_BadParamSyntax_IsAUsageError()
    {
        var cli = new CliRun();
        cli.Write("ci.yml", "steps:\n- script: x\n");
        var (code, _, stderr) = await cli.RunAsync("validate", "ci.yml", "-C", cli.Dir, "--param", "novalue");
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("--param expects name=value", stderr, StringComparison.Ordinal);
    }
}
