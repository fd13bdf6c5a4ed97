using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MixpanelSync.Silo.Storage;

/// <summary>
/// Creates the tables and stores the query texts that Orleans' ADO.NET providers need. Idempotent: running it
/// again leaves data alone and replaces the stored query texts with the current ones.
/// </summary>
public static class OrleansSchemaMigrator
{
    /// <summary>The ADO.NET invariant Orleans uses for PostgreSQL.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>The ADO.NET invariant Orleans uses for SQLite (served by Microsoft.Data.Sqlite).</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    // Any fixed number works; it only has to be the same in every silo so concurrent start-ups take turns.
    private const long PostgresMigrationLockId = 0x4D50_5359_4E43_0001;

    /// <summary>Applies the PostgreSQL schema; safe when several silos start at the same moment.</summary>
    public static async Task ApplyPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresMigrationLockId});",
            cancellationToken);
        await ExecuteAsync(connection, transaction, PostgresOrleansSchema.Tables, cancellationToken);
        await UpsertQueriesAsync(
            connection,
            transaction,
            PostgresOrleansSchema.Queries,
            "INSERT INTO orleansquery (querykey, querytext) VALUES (@key, @text) "
                + "ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;",
            cancellationToken);

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Applies the SQLite schema to the file in the connection string and turns on WAL mode.</summary>
    public static async Task ApplySqliteAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // WAL lets grain reads proceed while another connection writes; the mode is stored in the file.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, SqliteOrleansSchema.Tables, cancellationToken);
        await UpsertQueriesAsync(
            connection,
            transaction,
            SqliteOrleansSchema.Queries,
            "INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (@key, @text) "
                + "ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;",
            cancellationToken);

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task UpsertQueriesAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyDictionary<string, string> queries,
        string upsert,
        CancellationToken cancellationToken)
    {
        foreach (var (key, text) in queries)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = upsert;
            AddParameter(command, "key", key);
            AddParameter(command, "text", text);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string sql,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
