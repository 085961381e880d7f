using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Slipway.Core.Runs;

public sealed partial class RunStore
{
    private const string RunColumns = "id, syntax, pipeline_path, pipeline_name, event, branch, commit_sha, build_number, state, result, started_at, finished_at";

    public Task<IReadOnlyList<RunInfo>> ListRunsAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {RunColumns} FROM runs ORDER BY id DESC LIMIT $limit;", ReadRun, cancellationToken, ("$limit", limit));

    public async Task<RunInfo?> GetRunAsync(long runId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT {RunColumns} FROM runs WHERE id = $id;", ReadRun, cancellationToken, ("$id", runId)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<IReadOnlyList<TimelineRecord>> GetRecordsAsync(long runId, CancellationToken cancellationToken) =>
        QueryAsync("""
            SELECT id, run_id, parent_id, kind, identifier, display_name, ord, state, result, started_at, finished_at, exit_code, log_path
            FROM records WHERE run_id = $id ORDER BY ord, id;
            """, ReadRecord, cancellationToken, ("$id", runId));

    public Task<IReadOnlyList<RunIssue>> GetIssuesAsync(long runId, CancellationToken cancellationToken) =>
        QueryAsync("SELECT record_id, type, message, file, line, col, code FROM issues WHERE run_id = $id ORDER BY id;",
            r => new RunIssue(Enum.Parse<IssueType>(r.GetString(1)), r.GetString(2))
            {
                RecordId = NullableLong(r, 0),
                File = NullableString(r, 3),
                Line = (int?)NullableLong(r, 4),
                Column = (int?)NullableLong(r, 5),
                Code = NullableString(r, 6),
            }, cancellationToken, ("$id", runId));

    public Task<IReadOnlyList<(long RecordId, string Name, string Value)>> GetOutputsAsync(long runId, CancellationToken cancellationToken) =>
        QueryAsync("SELECT record_id, name, value FROM outputs WHERE run_id = $id ORDER BY record_id, name;",
            r => (r.GetInt64(0), r.GetString(1), r.GetString(2)), cancellationToken, ("$id", runId));

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            var rows = new List<T>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static RunInfo ReadRun(SqliteDataReader r) =>
        new(r.GetInt64(0),
            new RunStart(r.GetString(1), r.GetString(2), r.GetString(3)) { Event = NullableString(r, 4), Branch = NullableString(r, 5), Commit = NullableString(r, 6) },
            Enum.Parse<RunState>(r.GetString(8)),
            NullableString(r, 9) is { } result ? Enum.Parse<RunResult>(result) : null,
            ParseTime(r.GetString(10)),
            NullableString(r, 11) is { } finished ? ParseTime(finished) : null)
        {
            BuildNumber = NullableString(r, 7),
        };

    private static TimelineRecord ReadRecord(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), NullableLong(r, 2), Enum.Parse<RecordKind>(r.GetString(3)), r.GetString(4), r.GetString(5), r.GetInt32(6))
        {
            State = Enum.Parse<RunState>(r.GetString(7)),
            Result = NullableString(r, 8) is { } result ? Enum.Parse<RunResult>(result) : null,
            StartedAt = NullableString(r, 9) is { } started ? ParseTime(started) : null,
            FinishedAt = NullableString(r, 10) is { } finished ? ParseTime(finished) : null,
            ExitCode = (int?)NullableLong(r, 11),
            LogPath = NullableString(r, 12),
        };

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? NullableLong(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
}
