using Microsoft.Data.Sqlite;
using Slipway.Core.Runs;

namespace Slipway.Core.Tests.Runs;

public sealed class RunStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"slipway-store-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<RunStore> OpenAsync() => RunStore.OpenAsync(_dir, TimeProvider.System, CancellationToken.None);

    [Fact]
    public async Task Run_RecordsAndResults_SurviveReopening()
    {
        long runId;
        await using (var store = await OpenAsync())
        {
            runId = await store.CreateRunAsync(new RunStart("azure", "azure-pipelines.yml", "ci") { Branch = "refs/heads/main" }, default);
            var stage = await store.AddRecordAsync(runId, null, RecordKind.Stage, "Build", "Build", 0, default);
            var job = await store.AddRecordAsync(runId, stage, RecordKind.Job, "Compile", "Compile", 1, default);
            await store.StartRecordAsync(job, "logs/1.log", default);
            await store.SetOutputAsync(runId, job, "version", "1.2.3", default);
            await store.AddIssueAsync(runId, new RunIssue(IssueType.Warning, "careful") { RecordId = job, File = "a.cs", Line = 3 }, default);
            await store.CompleteRecordAsync(job, RunResult.SucceededWithIssues, 0, default);
            await store.CompleteRecordAsync(stage, RunResult.SucceededWithIssues, null, default);
            await store.CompleteRunAsync(runId, RunResult.SucceededWithIssues, default);
        }

        await using (var store = await OpenAsync())
        {
            var run = Assert.Single(await store.ListRunsAsync(10, default));
            Assert.Equal(runId, run.Id);
            Assert.Equal(RunState.Completed, run.State);
            Assert.Equal(RunResult.SucceededWithIssues, run.Result);
            Assert.Equal("refs/heads/main", run.Start.Branch);
            var records = await store.GetRecordsAsync(runId, default);
            Assert.Equal(["Build", "Compile"], records.Select(r => r.Identifier));
            Assert.Equal(records[0].Id, records[1].ParentId);
            Assert.Equal("logs/1.log", records[1].LogPath);
            Assert.Equal(0, records[1].ExitCode);
            var issue = Assert.Single(await store.GetIssuesAsync(runId, default));
            Assert.Equal(("a.cs", 3), (issue.File, issue.Line));
            Assert.Equal("1.2.3", Assert.Single(await store.GetOutputsAsync(runId, default)).Value);
        }
    }

    [Fact]
    public async Task RunOfADeadProcess_IsReportedInterrupted()
    {
        long runId;
        await using (var store = await OpenAsync())
        {
            runId = await store.CreateRunAsync(new RunStart("github", "ci.yml", "ci"), default);
            var job = await store.AddRecordAsync(runId, null, RecordKind.Job, "build", "build", 0, default);
            await store.StartRecordAsync(job, null, default);
        }

        // Pretend the owner was a process that no longer exists (as after kill -9).
        await using (var raw = new SqliteConnection($"Data Source={Path.Combine(_dir, "runs.db")};Pooling=False"))
        {
            await raw.OpenAsync();
            using var update = raw.CreateCommand();
            update.CommandText = "UPDATE runs SET owner_pid = 2147483000;";
            await update.ExecuteNonQueryAsync();
        }

        await using (var store = await OpenAsync())
        {
            Assert.Equal(RunState.Interrupted, (await store.GetRunAsync(runId, default))!.State);
            Assert.Equal(RunState.Interrupted, Assert.Single(await store.GetRecordsAsync(runId, default)).State);
        }
    }

    [Fact]
    public async Task ConcurrentWriters_LoseNothing()
    {
        await using var store = await OpenAsync();
        var runId = await store.CreateRunAsync(new RunStart("azure", "p.yml", "p"), default);
        await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var id = await store.AddRecordAsync(runId, null, RecordKind.Job, $"job{i}", $"Job {i}", i, default);
            await store.StartRecordAsync(id, null, default);
            await store.CompleteRecordAsync(id, RunResult.Succeeded, 0, default);
        }));
        var records = await store.GetRecordsAsync(runId, default);
        Assert.Equal(50, records.Count);
        Assert.All(records, r => Assert.Equal(RunResult.Succeeded, r.Result));
    }
}
