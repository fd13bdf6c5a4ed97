using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MixpanelSync.Events.Storage.Sqlite;

/// <summary>
/// The embedded event store: one SQLite file in write-ahead-log mode, so that reads run while one writer
/// appends.
/// </summary>
/// <remarks>
/// Every write transaction begins with <c>BEGIN IMMEDIATE</c> and so holds the database's single write lock
/// from its first statement. Appends therefore commit in sequence order, and the largest committed sequence
/// number is a safe high-water mark.
/// </remarks>
public sealed class SqliteEventStore : RelationalEventStore
{
    private readonly string _connectionString;
    private readonly string _databasePath;

    /// <summary>
    /// Creates a store over the configured database file; call <see cref="EnsureCreatedAsync"/> next.
    /// </summary>
    public SqliteEventStore(
        IOptions<SqliteEventStoreOptions> options,
        TimeProvider timeProvider,
        ILogger<SqliteEventStore> logger)
        : base(timeProvider, logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Value.DatabasePath);
        _databasePath = Path.GetFullPath(options.Value.DatabasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    private protected override IReadOnlyList<string> SchemaStatements => SqliteSchema.Statements;

    /// <inheritdoc/>
    public override async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(_databasePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // The journal mode is stored in the file and cannot change inside a transaction.
        await using (var connection = await OpenConnectionAsync(cancellationToken))
        {
            await using var command = Sql.Command(connection, "PRAGMA journal_mode = WAL");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await base.EnsureCreatedAsync(cancellationToken);
        await AddMissingColumnsAsync(cancellationToken);
    }

    private async Task AddMissingColumnsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteTransactionAsync(connection, cancellationToken);
        foreach (var (table, column, definition) in SqliteSchema.AddedColumns)
        {
            await using var check = Sql.Command(
                transaction,
                "SELECT COUNT(*) FROM pragma_table_info(@table) WHERE name = @column",
                ("@table", table),
                ("@column", column));
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
            {
                continue;
            }

            await using var alter = Sql.Command(transaction, $"ALTER TABLE {table} ADD COLUMN {column} {definition}");
            await alter.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Closes the pooled connections to the database file.</summary>
    public override ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // NORMAL is durable in WAL mode except for the last transactions before a power loss.
            await using var command = Sql.Command(connection, "PRAGMA synchronous = NORMAL");
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // Microsoft.Data.Sqlite waits for a busy write lock by sleeping on the calling thread, for up to the
    // DefaultTimeout of 30 s. Waiting on a pool thread keeps that wait off the caller's thread, such as a grain's.
    private protected override async ValueTask<DbTransaction> BeginWriteTransactionAsync(
        DbConnection connection,
        CancellationToken cancellationToken) =>
        await Task.Run(() => ((SqliteConnection)connection).BeginTransaction(deferred: false), cancellationToken);

    private protected override Task LockBrandStreamAsync(
        DbTransaction transaction,
        string brandId,
        CancellationToken cancellationToken) => Task.CompletedTask;

    private protected override async Task<int> InsertEventsAsync(
        DbTransaction transaction,
        string brandId,
        IReadOnlyList<BrandEvent> events,
        long storedAtMs,
        CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(
            transaction,
            """
            INSERT INTO brand_events
                (brand_id, event_id, type, occurred_at, user_id, device_id, stored_at, payload)
            VALUES (@brand, @event, @type, @occurred, @user, @device, @stored, @payload)
            ON CONFLICT (brand_id, event_id) DO NOTHING
            """,
            ("@brand", brandId),
            ("@event", null),
            ("@type", null),
            ("@occurred", null),
            ("@user", null),
            ("@device", null),
            ("@stored", storedAtMs),
            ("@payload", null));

        var inserted = 0;
        foreach (var brandEvent in events)
        {
            command.Parameters["@event"].Value = brandEvent.EventId;
            command.Parameters["@type"].Value = brandEvent.Type;
            command.Parameters["@occurred"].Value = brandEvent.OccurredAt.ToUnixTimeMilliseconds();
            command.Parameters["@user"].Value = (object?)brandEvent.UserId ?? DBNull.Value;
            command.Parameters["@device"].Value = (object?)brandEvent.DeviceId ?? DBNull.Value;
            command.Parameters["@payload"].Value = BrandEventJson.Serialize(brandEvent);
            inserted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return inserted;
    }

    private protected override string Greatest(string left, string right) => $"max({left}, {right})";
}
