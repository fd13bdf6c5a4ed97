namespace MixpanelSync.Events.Storage.Postgres;

/// <summary>The PostgreSQL tables of the event store.</summary>
internal static class PostgresSchema
{
    // Identity columns never reuse a value, so a new event cannot take a number at or below a committed cursor.
    public static IReadOnlyList<string> Statements { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS brand_events (
            sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            brand_id text NOT NULL,
            event_id text NOT NULL,
            type text NOT NULL,
            occurred_at bigint NOT NULL,
            user_id text NULL,
            device_id text NULL,
            stored_at bigint NOT NULL,
            payload text NOT NULL,
            UNIQUE (brand_id, event_id))
        """,
        "CREATE INDEX IF NOT EXISTS ix_brand_events_brand_sequence ON brand_events (brand_id, sequence)",
        "CREATE INDEX IF NOT EXISTS ix_brand_events_brand_user ON brand_events (brand_id, user_id)",
        "CREATE INDEX IF NOT EXISTS ix_brand_events_brand_device ON brand_events (brand_id, device_id)",
        "CREATE INDEX IF NOT EXISTS ix_brand_events_brand_occurred ON brand_events (brand_id, occurred_at)",
        """
        CREATE TABLE IF NOT EXISTS sync_cursors (
            brand_id text PRIMARY KEY,
            sequence bigint NOT NULL,
            updated_at bigint NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS sync_runs (
            run_id text PRIMARY KEY,
            brand_id text NOT NULL,
            trigger text NOT NULL,
            started_at bigint NOT NULL,
            ended_at bigint NULL,
            cursor_from bigint NOT NULL,
            high_water_mark bigint NOT NULL,
            events_read bigint NOT NULL,
            events_skipped bigint NOT NULL,
            events_sent bigint NOT NULL,
            events_imported bigint NOT NULL,
            rejected_by_reason text NOT NULL,
            retries bigint NOT NULL,
            bytes_sent bigint NOT NULL,
            outcome text NOT NULL,
            error text NULL,
            profiles_sent bigint NOT NULL DEFAULT 0,
            profiles_failed bigint NOT NULL DEFAULT 0)
        """,
        "CREATE INDEX IF NOT EXISTS ix_sync_runs_brand_started ON sync_runs (brand_id, started_at)",

        // Databases created before the profile counts existed gain the columns here.
        "ALTER TABLE sync_runs ADD COLUMN IF NOT EXISTS profiles_sent bigint NOT NULL DEFAULT 0",
        "ALTER TABLE sync_runs ADD COLUMN IF NOT EXISTS profiles_failed bigint NOT NULL DEFAULT 0",
        """
        CREATE TABLE IF NOT EXISTS dead_letters (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            brand_id text NOT NULL,
            sequence bigint NOT NULL,
            event_id text NOT NULL,
            user_id text NULL,
            device_id text NULL,
            payload text NOT NULL,
            reason text NOT NULL,
            field text NULL,
            run_id text NULL,
            created_at bigint NOT NULL,
            replayed_at bigint NULL,
            message text NULL)
        """,
        "ALTER TABLE dead_letters ADD COLUMN IF NOT EXISTS message text NULL",
        "CREATE INDEX IF NOT EXISTS ix_dead_letters_brand_id ON dead_letters (brand_id, id)",
        "CREATE INDEX IF NOT EXISTS ix_dead_letters_brand_user ON dead_letters (brand_id, user_id)",
    ];
}
