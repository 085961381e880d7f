namespace Slipway.Cli.Tests;

public sealed class ValidateWorkflowTests
{
    private const string Good = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n      - uses: actions/checkout@v4\n";

    [Fact]
    public async Task GHA_WF_1_ValidWorkflow_FoundUnderGithubWorkflows_ExitsZero()
    {
        var cli = new CliRun();
        cli.Write(".github/workflows/ci.yml", Good);
        var (code, stdout, stderr) = await cli.RunAsync("validate", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("ci.yml: valid (1 job, 2 steps).", stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public async Task GHA_JOB_2_NeedsUnknownJob_IsAnErrorInTheCanonicalForm()
    {
        var cli = new CliRun();
        cli.Write(".github/workflows/a.yml", Good);
        cli.Write(".github/workflows/b.yml", "on: push\njobs:\n  start:\n    runs-on: x\n    steps:\n      - run: y\n  one:\n    needs: two\n    runs-on: ubuntu-latest\n    steps:\n      - run: x\n");
        var (code, stdout, stderr) = await cli.RunAsync("validate", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("a.yml: valid", stdout, StringComparison.Ordinal);
        Assert.Contains("b.yml(8,12): error SLW5", stderr, StringComparison.Ordinal);
        Assert.Contains("Job 'one' depends on unknown job 'two'.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GHA_WF_2_UnknownEvent_IsRejected_ForAGivenFile()
    {
        var cli = new CliRun();
        cli.Write("flows/ci.yml", "on: pushh\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: y\n");
        var (code, _, stderr) = await cli.RunAsync("validate", "flows/ci.yml", "-C", cli.Dir);
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.StartsWith("flows/ci.yml(1,5): error SLW5", stderr, StringComparison.Ordinal);
    }
}
