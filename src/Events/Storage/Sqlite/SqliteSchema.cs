namespace MixpanelSync.Events.Storage.Sqlite;

/// <summary>The SQLite tables of the event store.</summary>
internal static class SqliteSchema
{
    // AUTOINCREMENT keeps SQLite from reusing the sequence numbers of deleted rows. Without it, a new event could
    // take a number at or below a committed cursor and would never be read.
    public static IReadOnlyList<string> Statements { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS brand_events (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            brand_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            type TEXT NOT NULL,
            occurred_at INTEGER NOT NULL,
            user_id TEXT NULL,
            device_id TEXT NULL,
            stored_at INTEGER NOT NULL,
            payload TEXT NOT NULL,
            UNIQUE (brand_id, event_id))
        """,
        "CREATE INDEX IF NOT EXISTS ix_brand_events_brand_sequence ON brand_events (brand_id, sequence)",
        "CREATE INDEX IF NOT EXISTS ix_brand_events_brand_user ON brand_events (brand_id, user_id)",
        "CREATE INDEX IF NOT EXISTS ix_brand_events_brand_device ON brand_events (brand_id, device_id)",
        "CREATE INDEX IF NOT EXISTS ix_brand_events_brand_occurred ON brand_events (brand_id, occurred_at)",
        """
        CREATE TABLE IF NOT EXISTS sync_cursors (
            brand_id TEXT PRIMARY KEY,
            sequence INTEGER NOT NULL,
            updated_at INTEGER NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS sync_runs (
            run_id TEXT PRIMARY KEY,
            brand_id TEXT NOT NULL,
            trigger TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            ended_at INTEGER NULL,
            cursor_from INTEGER NOT NULL,
            high_water_mark INTEGER NOT NULL,
            events_read INTEGER NOT NULL,
            events_skipped INTEGER NOT NULL,
            events_sent INTEGER NOT NULL,
            events_imported INTEGER NOT NULL,
            rejected_by_reason TEXT NOT NULL,
            retries INTEGER NOT NULL,
            bytes_sent INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            error TEXT NULL,
            profiles_sent INTEGER NOT NULL DEFAULT 0,
            profiles_failed INTEGER NOT NULL DEFAULT 0)
        """,
        "CREATE INDEX IF NOT EXISTS ix_sync_runs_brand_started ON sync_runs (brand_id, started_at)",
        """
        CREATE TABLE IF NOT EXISTS dead_letters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            brand_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            user_id TEXT NULL,
            device_id TEXT NULL,
            payload TEXT NOT NULL,
            reason TEXT NOT NULL,
            field TEXT NULL,
            run_id TEXT NULL,
            created_at INTEGER NOT NULL,
            replayed_at INTEGER NULL,
            message TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_dead_letters_brand_id ON dead_letters (brand_id, id)",
        "CREATE INDEX IF NOT EXISTS ix_dead_letters_brand_user ON dead_letters (brand_id, user_id)",
    ];

    /// <summary>
    /// Columns added after the first release, as (table, column, definition). SQLite has no
    /// <c>ADD COLUMN IF NOT EXISTS</c>, so the store adds each one that an older database file lacks.
    /// </summary>
    public static IReadOnlyList<(string Table, string Column, string Definition)> AddedColumns { get; } =
    [
        ("sync_runs", "profiles_sent", "INTEGER NOT NULL DEFAULT 0"),
        ("sync_runs", "profiles_failed", "INTEGER NOT NULL DEFAULT 0"),
        ("dead_letters", "message", "TEXT NULL"),
    ];
}
