using System.Globalization;

namespace Slipway.Core.Runs;

public sealed partial class RunStore
{
    public Task<long> CreateRunAsync(RunStart start, CancellationToken cancellationToken) =>
        InTransactionAsync(tx => InsertAsync(tx, """
            INSERT INTO runs (syntax, pipeline_path, pipeline_name, event, branch, commit_sha, state, owner_pid, started_at)
            VALUES ($syntax, $path, $name, $event, $branch, $commit, 'Running', $pid, $now) RETURNING id;
            """, cancellationToken,
            ("$syntax", start.Syntax), ("$path", start.PipelinePath), ("$name", start.PipelineName),
            ("$event", start.Event), ("$branch", start.Branch), ("$commit", start.Commit),
            ("$pid", Environment.ProcessId), ("$now", Now())), cancellationToken);

    public Task SetBuildNumberAsync(long runId, string buildNumber, CancellationToken cancellationToken) =>
        InTransactionAsync(tx => ExecuteAsync(tx, "UPDATE runs SET build_number = $n WHERE id = $id;", cancellationToken,
            ("$n", buildNumber), ("$id", runId)), cancellationToken);

    public Task CompleteRunAsync(long runId, RunResult result, CancellationToken cancellationToken) =>
        InTransactionAsync(async tx =>
        {
            await ExecuteAsync(tx, "UPDATE runs SET state = 'Completed', result = $r, finished_at = $now WHERE id = $id;", cancellationToken,
                ("$r", result.ToString()), ("$now", Now()), ("$id", runId)).ConfigureAwait(false);
            await ExecuteAsync(tx, "UPDATE records SET state = 'Interrupted' WHERE run_id = $id AND state = 'Running';", cancellationToken,
                ("$id", runId)).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Adds a stage, job or step that is about to run (or that is skipped: pass a result).</summary>
    public Task<long> AddRecordAsync(long runId, long? parentId, RecordKind kind, string identifier, string displayName, int order, CancellationToken cancellationToken) =>
        InTransactionAsync(tx => InsertAsync(tx, """
            INSERT INTO records (run_id, parent_id, kind, identifier, display_name, ord, state)
            VALUES ($run, $parent, $kind, $identifier, $display, $ord, 'Pending') RETURNING id;
            """, cancellationToken,
            ("$run", runId), ("$parent", parentId), ("$kind", kind.ToString()), ("$identifier", identifier),
            ("$display", displayName), ("$ord", order)), cancellationToken);

    public Task StartRecordAsync(long recordId, string? logPath, CancellationToken cancellationToken) =>
        InTransactionAsync(tx => ExecuteAsync(tx, "UPDATE records SET state = 'Running', started_at = $now, log_path = $log WHERE id = $id;", cancellationToken,
            ("$now", Now()), ("$log", logPath), ("$id", recordId)), cancellationToken);

    public Task CompleteRecordAsync(long recordId, RunResult result, int? exitCode, CancellationToken cancellationToken) =>
        InTransactionAsync(tx => ExecuteAsync(tx, """
            UPDATE records SET state = 'Completed', result = $r, exit_code = $code,
                started_at = COALESCE(started_at, $now), finished_at = $now WHERE id = $id;
            """, cancellationToken,
            ("$r", result.ToString()), ("$code", exitCode), ("$now", Now()), ("$id", recordId)), cancellationToken);

    public Task AddIssueAsync(long runId, RunIssue issue, CancellationToken cancellationToken) =>
        InTransactionAsync(tx => ExecuteAsync(tx, """
            INSERT INTO issues (run_id, record_id, type, message, file, line, col, code)
            VALUES ($run, $record, $type, $message, $file, $line, $col, $code);
            """, cancellationToken,
            ("$run", runId), ("$record", issue.RecordId), ("$type", issue.Type.ToString()), ("$message", issue.Message),
            ("$file", issue.File), ("$line", issue.Line), ("$col", issue.Column), ("$code", issue.Code)), cancellationToken);

    /// <summary>Records an output variable; the caller passes secrets already masked.</summary>
    public Task SetOutputAsync(long runId, long recordId, string name, string value, CancellationToken cancellationToken) =>
        InTransactionAsync(tx => ExecuteAsync(tx, """
            INSERT INTO outputs (run_id, record_id, name, value) VALUES ($run, $record, $name, $value)
            ON CONFLICT (record_id, name) DO UPDATE SET value = excluded.value;
            """, cancellationToken,
            ("$run", runId), ("$record", recordId), ("$name", name), ("$value", value)), cancellationToken);

    private static async Task<long> InsertAsync(Microsoft.Data.Sqlite.SqliteTransaction tx, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Prepare(tx, sql, parameters);
        var id = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(id, CultureInfo.InvariantCulture);
    }
}
