using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Slipway.Core.Runs;

public sealed partial class RunStore
{
    private async Task<T> InTransactionAsync<T>(Func<SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var tx = _connection.BeginTransaction();
            var result = await work(tx).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task<bool> InTransactionAsync(Func<SqliteTransaction, Task> work, CancellationToken cancellationToken) =>
        InTransactionAsync(async tx =>
        {
            await work(tx).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(SqliteTransaction tx, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Prepare(tx, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // One command per statement text and connection, kept for the connection's life: SQLite then parses
    // each statement once per run instead of once per write (a run writes a few records per step). Writes
    // are serialized by the gate; the connection disposes the commands' statements when it closes.
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Commands = new();

    /// <summary>The connection's command for <paramref name="sql"/>, bound to the transaction and the values (not to be disposed by the caller).</summary>
    private static SqliteCommand Prepare(SqliteTransaction tx, string sql, (string Name, object? Value)[] parameters)
    {
        var connection = tx.Connection!;
        var commands = Commands.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            commands[sql] = command;
        }

        command.Transaction = tx;
        for (var i = 0; i < parameters.Length; i++)
        {
            var (name, value) = parameters[i];
            var parameter = i < command.Parameters.Count && command.Parameters[i].ParameterName == name
                ? command.Parameters[i]
                : command.Parameters[name];
            parameter.Value = value ?? DBNull.Value;
        }

        return command;
    }
}
