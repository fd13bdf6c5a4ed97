using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace MixpanelSync.Events.Storage;

/// <summary>
/// The <see cref="IEventStore"/> logic shared by the SQLite and PostgreSQL stores. Both use the same tables,
/// columns and statements; the subclasses supply connections, transactions, schema text and the batch insert.
/// </summary>
/// <remarks>Times are stored as epoch milliseconds (UTC) in 64-bit integer columns in both databases.</remarks>
public abstract partial class RelationalEventStore : IEventStore, IAsyncDisposable
{
    private readonly TimeProvider _timeProvider;

    private protected RelationalEventStore(TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _timeProvider = timeProvider;
        Logger = logger;
    }

    /// <summary>
    /// Runs inside the append transaction after the insert and before the commit. Tests use it to hold a
    /// transaction open while another append or a read runs.
    /// </summary>
    internal Func<CancellationToken, Task>? BeforeAppendCommitAsync { get; set; }

    private protected ILogger Logger { get; }

    /// <summary>The statements that create the schema; each must be idempotent.</summary>
    private protected abstract IReadOnlyList<string> SchemaStatements { get; }

    /// <inheritdoc/>
    public abstract ValueTask DisposeAsync();

    /// <summary>Opens a connection to the database.</summary>
    private protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Reads the event in a <c>payload</c> column, the JSON of <see cref="BrandEventJson"/>.</summary>
    private protected virtual BrandEvent ReadPayload(DbDataReader reader, int ordinal) =>
        BrandEventJson.Deserialize(reader.GetString(ordinal));

    /// <summary>
    /// Opens a connection for a write transaction, after <see cref="AcquireWriteLockAsync"/>. The default opens
    /// one as <see cref="OpenConnectionAsync"/> does.
    /// </summary>
    private protected virtual ValueTask<DbConnection> OpenWriteConnectionAsync(CancellationToken cancellationToken) =>
        OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Waits for this store's turn to write, before its write transaction begins; the default does not wait.
    /// </summary>
    private protected virtual ValueTask<IDisposable?> AcquireWriteLockAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IDisposable?>(null);

    /// <summary>Begins a transaction that may write; SQLite takes the database write lock at once.</summary>
    private protected abstract ValueTask<DbTransaction> BeginWriteTransactionAsync(
        DbConnection connection,
        CancellationToken cancellationToken);

    /// <summary>
    /// Serialises appends of one brand inside a write transaction, so that a brand's events commit in sequence
    /// order and a high-water mark never passes over an uncommitted event.
    /// </summary>
    private protected abstract Task LockBrandStreamAsync(
        DbTransaction transaction,
        string brandId,
        CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the events in input order, skipping those whose (brand, event id) exists, and returns how many
    /// were inserted.
    /// </summary>
    private protected abstract Task<int> InsertEventsAsync(
        DbTransaction transaction,
        string brandId,
        IReadOnlyList<BrandEvent> events,
        long storedAtMs,
        CancellationToken cancellationToken);

    /// <summary>
    /// Runs after an append commits, while the store's write lock from <see cref="AcquireWriteLockAsync"/> is
    /// still held; the default does nothing.
    /// </summary>
    private protected virtual Task AfterAppendCommitAsync(
        DbConnection connection,
        CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Returns the SQL expression for the larger of two values.</summary>
    private protected abstract string Greatest(string left, string right);

    /// <inheritdoc/>
    public virtual async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        using var writeLock = await AcquireWriteLockAsync(cancellationToken);
        await using var connection = await OpenWriteConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteTransactionAsync(connection, cancellationToken);
        await PrepareSchemaCreationAsync(transaction, cancellationToken);
        foreach (var statement in SchemaStatements)
        {
            await using var command = Sql.Command(transaction, statement);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        StoreLog.SchemaEnsured(Logger, GetType().Name);
    }

    /// <summary>Runs first in the schema transaction, such as a lock against concurrent creation.</summary>
    private protected virtual Task PrepareSchemaCreationAsync(
        DbTransaction transaction,
        CancellationToken cancellationToken) => Task.CompletedTask;

    private long NowMs() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
}
