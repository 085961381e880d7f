using Microsoft.Data.Sqlite;

namespace Slipway.Core.Runs;

/// <summary>One write of a batch: records carry ids chosen by the writer (see <see cref="RunStore.FirstRecordId"/>).</summary>
public abstract record RunStoreWrite
{
    public sealed record AddRecord(long Id, long RunId, long? ParentId, RecordKind Kind, string Identifier, string DisplayName, int Order) : RunStoreWrite;

    public sealed record StartRecord(long Id, string? LogPath, string At) : RunStoreWrite;

    public sealed record CompleteRecord(long Id, RunResult Result, int? ExitCode, string At) : RunStoreWrite;

    public sealed record AddIssue(long RunId, RunIssue Issue) : RunStoreWrite;

    public sealed record SetOutput(long RunId, long RecordId, string Name, string Value) : RunStoreWrite;

    public sealed record SetBuildNumber(long RunId, string BuildNumber) : RunStoreWrite;
}

/// <summary>
/// Batched timeline writes for a busy run: many small changes in one transaction (a commit costs
/// about a millisecond; a run of 1,000 jobs makes thousands of changes). Record ids are chosen by the
/// writer from a range reserved per run, so a record can be referred to before its batch is written.
/// </summary>
public sealed partial class RunStore
{
    private const long RecordIdsPerRun = 10_000_000;

    /// <summary>The first record id of the range reserved for <paramref name="runId"/>.</summary>
    public static long FirstRecordId(long runId) => runId * RecordIdsPerRun + 1;

    public Task WriteBatchAsync(IReadOnlyList<RunStoreWrite> writes, CancellationToken cancellationToken) =>
        InTransactionAsync(async tx =>
        {
            foreach (var write in writes)
            {
                await WriteAsync(tx, write, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);

    private static Task WriteAsync(SqliteTransaction tx, RunStoreWrite write, CancellationToken ct) => write switch
    {
        RunStoreWrite.AddRecord a => ExecuteAsync(tx, """
            INSERT INTO records (id, run_id, parent_id, kind, identifier, display_name, ord, state)
            VALUES ($id, $run, $parent, $kind, $identifier, $display, $ord, 'Pending');
            """, ct, ("$id", a.Id), ("$run", a.RunId), ("$parent", a.ParentId), ("$kind", a.Kind.ToString()), ("$identifier", a.Identifier),
            ("$display", a.DisplayName), ("$ord", a.Order)),
        RunStoreWrite.StartRecord s => ExecuteAsync(tx, "UPDATE records SET state = 'Running', started_at = $now, log_path = $log WHERE id = $id;", ct,
            ("$now", s.At), ("$log", s.LogPath), ("$id", s.Id)),
        RunStoreWrite.CompleteRecord c => ExecuteAsync(tx, """
            UPDATE records SET state = 'Completed', result = $r, exit_code = $code,
                started_at = COALESCE(started_at, $now), finished_at = $now WHERE id = $id;
            """, ct, ("$r", c.Result.ToString()), ("$code", c.ExitCode), ("$now", c.At), ("$id", c.Id)),
        RunStoreWrite.AddIssue i => ExecuteAsync(tx, """
            INSERT INTO issues (run_id, record_id, type, message, file, line, col, code)
            VALUES ($run, $record, $type, $message, $file, $line, $col, $code);
            """, ct, ("$run", i.RunId), ("$record", i.Issue.RecordId), ("$type", i.Issue.Type.ToString()), ("$message", i.Issue.Message),
            ("$file", i.Issue.File), ("$line", i.Issue.Line), ("$col", i.Issue.Column), ("$code", i.Issue.Code)),
        RunStoreWrite.SetOutput o => ExecuteAsync(tx, """
            INSERT INTO outputs (run_id, record_id, name, value) VALUES ($run, $record, $name, $value)
            ON CONFLICT (record_id, name) DO UPDATE SET value = excluded.value;
            """, ct, ("$run", o.RunId), ("$record", o.RecordId), ("$name", o.Name), ("$value", o.Value)),
        RunStoreWrite.SetBuildNumber b => ExecuteAsync(tx, "UPDATE runs SET build_number = $n WHERE id = $id;", ct, ("$n", b.BuildNumber), ("$id", b.RunId)),
        _ => Task.CompletedTask,
    };
}
