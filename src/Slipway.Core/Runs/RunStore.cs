using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Slipway.Core.Runs;

/// <summary>
/// Every run recorded in an embedded SQLite database (<c>.slipway/runs.db</c>) with its logs as files
/// beside it. Each change is one transaction, so a crash leaves the record consistent: a run whose
/// process is gone is reported as <see cref="RunState.Interrupted"/>.
/// </summary>
public sealed partial class RunStore : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;

    private RunStore(SqliteConnection connection, string directory, TimeProvider time)
    {
        _connection = connection;
        Directory = directory;
        _time = time;
    }

    /// <summary>The folder holding the database and the <c>runs/</c> log folders.</summary>
    public string Directory { get; }

    public static async Task<RunStore> OpenAsync(string directory, TimeProvider time, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(directory);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "runs.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var store = new RunStore(connection, directory, time);
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    public string LogDirectory(long runId) => Path.Combine(Directory, "runs", runId.ToString(CultureInfo.InvariantCulture), "logs");

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;", cancellationToken).ConfigureAwait(false);
        using var version = _connection.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        var current = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (current > RunStoreSchema.Version)
        {
            throw new InvalidOperationException($"The run store in '{Directory}' was written by a newer Slipway (schema {current}).");
        }

        if (current < RunStoreSchema.Version)
        {
            // A new store (or an older one): the tables; a current one is not written to at open (a write here cost a WAL write per run).
            await ExecuteAsync(RunStoreSchema.Create + $"PRAGMA user_version={RunStoreSchema.Version};", cancellationToken).ConfigureAwait(false);
        }

        await MarkInterruptedAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        var orphans = new List<long>();
        using (var select = _connection.CreateCommand())
        {
            select.CommandText = "SELECT id, owner_pid FROM runs WHERE state = 'Running';";
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!ProcessIsAlive(reader.GetInt32(1)))
                {
                    orphans.Add(reader.GetInt64(0));
                }
            }
        }

        foreach (var id in orphans)
        {
            await InTransactionAsync(async tx =>
            {
                await ExecuteAsync(tx, "UPDATE runs SET state = 'Interrupted' WHERE id = $id;", cancellationToken, ("$id", id)).ConfigureAwait(false);
                await ExecuteAsync(tx, "UPDATE records SET state = 'Interrupted' WHERE run_id = $id AND state = 'Running';", cancellationToken, ("$id", id)).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool ProcessIsAlive(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
