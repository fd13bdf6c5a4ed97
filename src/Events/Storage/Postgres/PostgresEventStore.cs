using System.Data;
using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MixpanelSync.Events.Storage.Postgres;

/// <summary>The event store on PostgreSQL, shared by every silo of a cluster.</summary>
/// <remarks>
/// PostgreSQL hands out identity values when rows are inserted, not when they commit, so a transaction can
/// commit a lower sequence number after another committed a higher one. A cursor moved past the higher number
/// would skip the late row. Each append therefore takes a transaction-scoped advisory lock on its brand before
/// it inserts: appends of one brand commit one after another, in sequence order, and the brand's largest
/// committed sequence number is a safe high-water mark. Appends of different brands still run in parallel.
/// </remarks>
public sealed class PostgresEventStore : RelationalEventStore
{
    // The first key of PostgreSQL's two-key advisory locks, chosen to keep these locks apart from others.
    private const int AppendLockClass = 0x4D505345;
    private const int SchemaLockClass = 0x4D505353;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>
    /// Creates a store over the configured database; call <see cref="RelationalEventStore.EnsureCreatedAsync"/>
    /// next.
    /// </summary>
    public PostgresEventStore(
        IOptions<PostgresEventStoreOptions> options,
        TimeProvider timeProvider,
        ILogger<PostgresEventStore> logger)
        : base(timeProvider, logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Value.ConnectionString);
        _dataSource = NpgsqlDataSource.Create(options.Value.ConnectionString);
        PostgresConnectionFailures.Track(_dataSource);
    }

    private protected override IReadOnlyList<string> SchemaStatements => PostgresSchema.Statements;

    /// <summary>Closes the store's connection pool.</summary>
    public override ValueTask DisposeAsync()
    {
        PostgresConnectionFailures.Forget(_dataSource);
        return _dataSource.DisposeAsync();
    }

    private protected override async ValueTask<DbConnection> OpenConnectionAsync(
        CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    private protected override async ValueTask<DbTransaction> BeginWriteTransactionAsync(
        DbConnection connection,
        CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    // CREATE TABLE IF NOT EXISTS can still fail on a unique violation when two sessions run it at once.
    private protected override Task PrepareSchemaCreationAsync(
        DbTransaction transaction,
        CancellationToken cancellationToken) =>
        TakeAdvisoryLockAsync(
            transaction,
            "pg_advisory_xact_lock(@class, 0)",
            SchemaLockClass,
            null,
            cancellationToken);

    private protected override Task LockBrandStreamAsync(
        DbTransaction transaction,
        string brandId,
        CancellationToken cancellationToken) =>
        TakeAdvisoryLockAsync(
            transaction,
            "pg_advisory_xact_lock(@class, hashtext(@brand))",
            AppendLockClass,
            brandId,
            cancellationToken);

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
            SELECT @brand, e.event_id, e.type, e.occurred_at, e.user_id, e.device_id, @stored, e.payload
            FROM unnest(@events, @types, @occurred, @users, @devices, @payloads)
                WITH ORDINALITY AS e(event_id, type, occurred_at, user_id, device_id, payload, position)
            ORDER BY e.position
            ON CONFLICT (brand_id, event_id) DO NOTHING
            """,
            ("@brand", brandId),
            ("@stored", storedAtMs),
            ("@events", events.Select(e => e.EventId).ToArray()),
            ("@types", events.Select(e => e.Type).ToArray()),
            ("@occurred", events.Select(e => e.OccurredAt.ToUnixTimeMilliseconds()).ToArray()),
            ("@users", events.Select(e => e.UserId).ToArray()),
            ("@devices", events.Select(e => e.DeviceId).ToArray()),
            ("@payloads", events.Select(BrandEventJson.Serialize).ToArray()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private protected override string Greatest(string left, string right) => $"GREATEST({left}, {right})";

    private static async Task TakeAdvisoryLockAsync(
        DbTransaction transaction,
        string lockCall,
        int lockClass,
        string? brandId,
        CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(
            transaction,
            $"SELECT {lockCall}",
            ("@class", lockClass),
            ("@brand", brandId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
