using Slipway.Core.Runs;

namespace Slipway.Cli.Tests.Commands;

public sealed class RunsAndLogsCommandTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("slipway-cli-runs-").FullName;

    public RunsAndLogsCommandTests() => Directory.CreateDirectory(Path.Combine(_repo, ".git"));

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private async Task<(int Code, string Out, string Err)> RunCliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, _repo, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private async Task<long> RecordRunAsync()
    {
        var dir = RunStoreLocation.For(_repo);
        await using var store = await RunStore.OpenAsync(dir, TimeProvider.System, default);
        var run = await store.CreateRunAsync(new RunStart("azure", "azure-pipelines.yml", "ci"), default);
        var job = await store.AddRecordAsync(run, null, RecordKind.Job, "Build", "Build app", 0, default);
        var step = await store.AddRecordAsync(run, job, RecordKind.Step, "hello", "Say hello", 1, default);
        var log = Path.Combine("runs", run.ToString(System.Globalization.CultureInfo.InvariantCulture), "logs", "step.log");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, log))!);
        await File.WriteAllTextAsync(Path.Combine(dir, log), "hello from the step\n");
        await store.StartRecordAsync(step, log, default);
        await store.CompleteRecordAsync(step, RunResult.Succeeded, 0, default);
        await store.CompleteRecordAsync(job, RunResult.Failed, null, default);
        await store.CompleteRunAsync(run, RunResult.Failed, default);
        return run;
    }

    [Fact]
    public async Task Runs_WithNoStore_SaysSo()
    {
        var (code, output, _) = await RunCliAsync("runs");
        Assert.Equal(0, code);
        Assert.Contains("No runs recorded yet", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_ListsRecordedRunWithResult()
    {
        var id = await RecordRunAsync();
        var (code, output, _) = await RunCliAsync("runs");
        Assert.Equal(0, code);
        var row = output.Split('\n')[1];
        Assert.StartsWith(id.ToString(System.Globalization.CultureInfo.InvariantCulture), row, StringComparison.Ordinal);
        Assert.Contains("Failed", row, StringComparison.Ordinal);
        Assert.Contains("azure-pipelines.yml", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_PrintsStepLogsOfTheJob()
    {
        var id = await RecordRunAsync();
        var (code, output, _) = await RunCliAsync("logs", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--job", "build");
        Assert.Equal(0, code);
        Assert.Contains("==> Build app (Failed)", output, StringComparison.Ordinal);
        Assert.Contains("hello from the step", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_UnknownJob_NamesTheJobsThereAre()
    {
        var id = await RecordRunAsync();
        var (code, _, error) = await RunCliAsync("logs", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--job", "nope");
        Assert.Equal(2, code);
        Assert.Contains("Its jobs: Build", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_UnknownRun_IsAClearError()
    {
        await RecordRunAsync();
        var (code, _, error) = await RunCliAsync("logs", "999");
        Assert.Equal(2, code);
        Assert.Contains("there is no run 999", error, StringComparison.Ordinal);
    }
}
