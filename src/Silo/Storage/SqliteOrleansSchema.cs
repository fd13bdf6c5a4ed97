namespace MixpanelSync.Silo.Storage;

/// <summary>
/// Tables and stored queries for Orleans' ADO.NET grain persistence and reminder providers on SQLite (invariant
/// <c>System.Data.SQLite</c>, which Orleans maps to Microsoft.Data.Sqlite). Embedded mode uses localhost
/// clustering, so no membership queries are stored.
/// </summary>
/// <remarks>
/// SQLite has no data-modifying CTEs, so each conditional write is a single statement with <c>RETURNING</c>,
/// and timestamps are TEXT in the layout Microsoft.Data.Sqlite writes, which sorts correctly as text.
/// </remarks>
internal static class SqliteOrleansSchema
{
    public const string Tables = """
        CREATE TABLE IF NOT EXISTS OrleansQuery (
            QueryKey TEXT NOT NULL PRIMARY KEY,
            QueryText TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS orleans_storage (
            grain_id_hash INTEGER NOT NULL,
            grain_id_n0 INTEGER NOT NULL,
            grain_id_n1 INTEGER NOT NULL,
            grain_type_hash INTEGER NOT NULL,
            grain_type_string TEXT NOT NULL,
            grain_id_extension_string TEXT,
            service_id TEXT NOT NULL,
            payload_binary BLOB,
            version INTEGER NOT NULL,
            modified_on TEXT NOT NULL DEFAULT (datetime('now'))
        );

        -- Reads expect at most one row per identity, and a missing key extension counts as one value.
        CREATE UNIQUE INDEX IF NOT EXISTS ux_orleans_storage_identity ON orleans_storage (
            service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1,
            grain_type_string, ifnull(grain_id_extension_string, char(0)));

        CREATE TABLE IF NOT EXISTS orleans_reminders (
            service_id TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            start_time TEXT NOT NULL,
            period INTEGER NOT NULL,
            grain_hash INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        );

        CREATE INDEX IF NOT EXISTS ix_orleans_reminders_hash ON orleans_reminders (service_id, grain_hash);
        """;

    private const string StorageIdentity = """
        grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
            AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
            AND grain_type_string = @GrainTypeString
            AND grain_id_extension_string IS @GrainIdExtensionString
            AND service_id = @ServiceId
        """;

    private const string ReminderColumns = """
        grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period,
        version AS Version
        """;

    /// <summary>The query text for every key the two providers load, keyed by the provider's key name.</summary>
    public static IReadOnlyDictionary<string, string> Queries { get; } = new Dictionary<string, string>
    {
        // Grain persistence. A write succeeds with one row holding the new version; a conflict returns no row.
        // Only one of the two statements can return a row, because they test @GrainStateVersion oppositely.
        ["ReadFromStorageKey"] = $"""
            SELECT payload_binary AS PayloadBinary, version AS Version
            FROM orleans_storage
            WHERE {StorageIdentity};
            """,
        ["WriteToStorageKey"] = $"""
            UPDATE orleans_storage
            SET payload_binary = @PayloadBinary, version = version + 1, modified_on = datetime('now')
            WHERE {StorageIdentity}
                AND @GrainStateVersion IS NOT NULL AND version = @GrainStateVersion
            RETURNING version AS NewGrainStateVersion;

            INSERT INTO orleans_storage (
                grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash, grain_type_string,
                grain_id_extension_string, service_id, payload_binary, version)
            SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
            WHERE @GrainStateVersion IS NULL
            ON CONFLICT DO NOTHING
            RETURNING version AS NewGrainStateVersion;
            """,
        ["ClearStorageKey"] = $"""
            UPDATE orleans_storage
            SET payload_binary = NULL, version = version + 1, modified_on = datetime('now')
            WHERE {StorageIdentity} AND version = @GrainStateVersion
            RETURNING version;
            """,
        ["DeleteStorageKey"] = $"""
            DELETE FROM orleans_storage
            WHERE {StorageIdentity} AND version = @GrainStateVersion
            RETURNING version + 1;
            """,

        // Reminders. Hashes are unsigned ring positions stored as signed integers; comparing them signed
        // covers the ring exactly because the provider re-casts both range ends the same way.
        ["ReadReminderRowsKey"] = $"""
            SELECT {ReminderColumns} FROM orleans_reminders
            WHERE service_id = @ServiceId AND grain_id = @GrainId;
            """,
        ["ReadReminderRowKey"] = $"""
            SELECT {ReminderColumns} FROM orleans_reminders
            WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
            """,
        ["ReadRangeRows1Key"] = $"""
            SELECT {ReminderColumns} FROM orleans_reminders
            WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
            """,
        ["ReadRangeRows2Key"] = $"""
            SELECT {ReminderColumns} FROM orleans_reminders
            WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
            """,
        ["UpsertReminderRowKey"] = """
            INSERT INTO orleans_reminders (
                service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
            VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
            SET start_time = excluded.start_time, period = excluded.period,
                grain_hash = excluded.grain_hash, version = orleans_reminders.version + 1
            RETURNING version AS Version;
            """,
        ["DeleteReminderRowKey"] = """
            DELETE FROM orleans_reminders
            WHERE service_id = @ServiceId AND grain_id = @GrainId
                AND reminder_name = @ReminderName AND version = @Version;
            SELECT changes();
            """,
        ["DeleteReminderRowsKey"] = """
            DELETE FROM orleans_reminders WHERE service_id = @ServiceId;
            """,
    };
}
