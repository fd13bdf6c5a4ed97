using System.Data.Common;
using System.Globalization;
using System.Text;
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
public sealed partial class SqliteEventStore : RelationalEventStore
{
    private readonly string _connectionString;
    private readonly string _writeConnectionString;
    private readonly string _databasePath;

    // Writers of this store queue here, because Microsoft.Data.Sqlite retries a busy write lock by sleeping
    // 150 ms at a time: a writer would sleep while the lock is long free again.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

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
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Value.WalCheckpointBytes);
        _databasePath = Path.GetFullPath(options.Value.DatabasePath);
        _walCheckpointBytes = options.Value.WalCheckpointBytes;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = _databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        };
        _connectionString = builder.ToString();

        // Microsoft.Data.Sqlite pools connections by connection string, so write transactions get a pool of their
        // own, and only its connections grow the large page cache. Cache=Private is what the default cache mode
        // already means here (nothing enables SQLite's shared cache); it is written out only to tell the pools apart.
        builder.Cache = SqliteCacheMode.Private;
        _writeConnectionString = builder.ToString();
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
        using var writeLock = await AcquireWriteLockAsync(cancellationToken);
        await using var connection = await OpenWriteConnectionAsync(cancellationToken);
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
        foreach (var connectionString in (ReadOnlySpan<string>)[_connectionString, _writeConnectionString])
        {
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }

        return ValueTask.CompletedTask;
    }

    // Page cache sizes in KiB (negative values of PRAGMA cache_size). Every pooled connection keeps its own cache
    // for as long as it stays open, so the total is the sum over the open connections.
    private const int WriteCacheKib = 65_536;
    private const int ReadCacheKib = 2_048;

    // SQLite hands out the UTF-8 bytes of a text column as they are stored, so the JSON is read from a copy of
    // those rather than from a UTF-16 string of the text. (GetBytes would open an incremental blob handle per row.)
    private protected override BrandEvent ReadPayload(DbDataReader reader, int ordinal) =>
        BrandEventJson.Deserialize(reader.GetFieldValue<byte[]>(ordinal));

    // Reads and writes outside the write lock (cursor commits, run records) use small caches. A sync reads its
    // events once, in sequence order, so a large cache on each of its connections would fill with pages that it
    // does not read again.
    private protected override ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        OpenAsync(_connectionString, ReadCacheKib, cancellationToken);

    // Writers take turns at _writeGate, so their pool rarely has more than one connection, and its large cache
    // keeps the hot pages of the event indexes in memory. Their keys (user, device, event id) land all over their
    // B-trees, so inserts read fewer pages back from the file.
    private protected override ValueTask<DbConnection> OpenWriteConnectionAsync(CancellationToken cancellationToken) =>
        OpenAsync(_writeConnectionString, WriteCacheKib, cancellationToken);

    private static async ValueTask<DbConnection> OpenAsync(
        string connectionString,
        int cacheKib,
        CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // NORMAL is durable in WAL mode except for the last transactions before a power loss.
            await using var command = Sql.Command(
                connection,
                "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -" + cacheKib.ToString(CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private protected override async ValueTask<IDisposable?> AcquireWriteLockAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        return new WriteGateRelease(_writeGate);
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
        // One statement inserts up to RowsPerInsert events: each sqlite3_step and each call into the native
        // library costs more than binding a row, so fewer, larger statements insert faster.
        using var payloads = new PayloadWriter();
        var inserted = 0;
        DbCommand? full = null;
        try
        {
            for (var offset = 0; offset < events.Count; offset += RowsPerInsert)
            {
                var rows = Math.Min(RowsPerInsert, events.Count - offset);
                var command = rows == RowsPerInsert
                    ? full ??= CreateInsert(transaction, brandId, storedAtMs, rows)
                    : CreateInsert(transaction, brandId, storedAtMs, rows);
                try
                {
                    for (var row = 0; row < rows; row++)
                    {
                        var brandEvent = events[offset + row];
                        var parameters = command.Parameters;
                        var first = 2 + row * ColumnsPerRow;
                        parameters[first].Value = brandEvent.EventId;
                        parameters[first + 1].Value = brandEvent.Type;
                        parameters[first + 2].Value = brandEvent.OccurredAt.ToUnixTimeMilliseconds();
                        parameters[first + 3].Value = (object?)brandEvent.UserId ?? DBNull.Value;
                        parameters[first + 4].Value = (object?)brandEvent.DeviceId ?? DBNull.Value;
                        parameters[first + 5].Value = payloads.Serialize(brandEvent);
                    }

                    inserted += await command.ExecuteNonQueryAsync(cancellationToken);
                }
                finally
                {
                    if (command != full)
                    {
                        await command.DisposeAsync();
                    }
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        return inserted;
    }

    /// <summary>Events per INSERT statement; 64 rows bind 386 parameters, far below SQLite's 32,766.</summary>
    private const int RowsPerInsert = 64;

    private const int ColumnsPerRow = 6;

    private static DbCommand CreateInsert(DbTransaction transaction, string brandId, long storedAtMs, int rows)
    {
        var values = new StringBuilder();
        for (var row = 0; row < rows; row++)
        {
            values.Append(row == 0 ? "" : ", ");
            values.Append(CultureInfo.InvariantCulture, $"(@brand, @e{row}, @t{row}, @o{row}, @u{row}, @d{row}, ");
            values.Append(CultureInfo.InvariantCulture, $"@stored, @p{row})");
        }

        var command = Sql.Command(
            transaction,
            $"""
            INSERT INTO brand_events
                (brand_id, event_id, type, occurred_at, user_id, device_id, stored_at, payload)
            VALUES {values}
            ON CONFLICT (brand_id, event_id) DO NOTHING
            """,
            ("@brand", brandId),
            ("@stored", storedAtMs));
        for (var row = 0; row < rows; row++)
        {
            foreach (var name in (ReadOnlySpan<string>)["@e", "@t", "@o", "@u", "@d", "@p"])
            {
                Sql.AddParameter(command, name + row.ToString(CultureInfo.InvariantCulture), null);
            }
        }

        return command;
    }

    private protected override string Greatest(string left, string right) => $"max({left}, {right})";

    private sealed class WriteGateRelease(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
