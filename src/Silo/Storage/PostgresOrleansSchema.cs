namespace MixpanelSync.Silo.Storage;

/// <summary>
/// Tables and stored queries that Orleans' ADO.NET clustering, grain persistence and reminder providers use on
/// PostgreSQL (invariant <c>Npgsql</c>). The providers ship no SQL; they load each query by key from the
/// <c>orleansquery</c> table and bind parameters by the names used below.
/// </summary>
internal static class PostgresOrleansSchema
{
    public const string Tables = """
        CREATE TABLE IF NOT EXISTS orleansquery (
            querykey varchar(64) PRIMARY KEY,
            querytext text NOT NULL
        );

        CREATE TABLE IF NOT EXISTS orleans_membership_version (
            deployment_id text PRIMARY KEY,
            version integer NOT NULL DEFAULT 0,
            created_at timestamptz NOT NULL DEFAULT now()
        );

        CREATE TABLE IF NOT EXISTS orleans_membership (
            deployment_id text NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
            address text NOT NULL,
            port integer NOT NULL,
            generation integer NOT NULL,
            silo_name text NOT NULL,
            host_name text NOT NULL,
            status integer NOT NULL,
            proxy_port integer NOT NULL,
            suspect_times text,
            start_time timestamptz NOT NULL,
            i_am_alive_time timestamptz NOT NULL,
            PRIMARY KEY (deployment_id, address, port, generation)
        );

        CREATE TABLE IF NOT EXISTS orleans_storage (
            grain_id_hash integer NOT NULL,
            grain_id_n0 bigint NOT NULL,
            grain_id_n1 bigint NOT NULL,
            grain_type_hash integer NOT NULL,
            grain_type_string text NOT NULL,
            grain_id_extension_string text,
            service_id text NOT NULL,
            payload_binary bytea,
            version integer NOT NULL,
            modified_on timestamptz NOT NULL DEFAULT now()
        );

        -- Reads expect at most one row per identity, and a missing key extension counts as one value.
        CREATE UNIQUE INDEX IF NOT EXISTS ux_orleans_storage_identity ON orleans_storage (
            service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1,
            grain_type_string, grain_id_extension_string) NULLS NOT DISTINCT;

        CREATE TABLE IF NOT EXISTS orleans_reminders (
            service_id text NOT NULL,
            grain_id text NOT NULL,
            reminder_name text NOT NULL,
            start_time timestamptz NOT NULL,
            period bigint NOT NULL,
            grain_hash integer NOT NULL,
            version integer NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        );

        CREATE INDEX IF NOT EXISTS ix_orleans_reminders_hash ON orleans_reminders (service_id, grain_hash);
        """;

    private const string MemberColumns = """
        v.version AS version, m.address AS address, m.port AS port, m.generation AS generation,
        m.silo_name AS siloname, m.host_name AS hostname, m.status AS status, m.proxy_port AS proxyport,
        m.suspect_times AS suspecttimes, m.start_time AS starttime, m.i_am_alive_time AS iamalivetime
        """;

    private const string StorageIdentity = """
        grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
            AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
            AND grain_type_string = @GrainTypeString
            AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
            AND service_id = @ServiceId
        """;

    private const string ReminderColumns = """
        grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period, version
        """;

    /// <summary>The query text for every key the three providers load, keyed by the provider's key name.</summary>
    public static IReadOnlyDictionary<string, string> Queries { get; } = new Dictionary<string, string>
    {
        // Clustering. Membership rows carry the table version of their deployment: a change applies only when
        // the version read by the silo is still current, and bumps it by exactly one in the same statement.
        ["InsertMembershipVersionKey"] = """
            WITH created AS (
                INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
                ON CONFLICT DO NOTHING
                RETURNING 1)
            SELECT count(*)::integer FROM created;
            """,
        ["MembershipReadAllKey"] = $"""
            SELECT {MemberColumns}
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
            WHERE v.deployment_id = @DeploymentId;
            """,
        ["MembershipReadRowKey"] = $"""
            SELECT {MemberColumns}
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
                AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
            WHERE v.deployment_id = @DeploymentId;
            """,
        ["InsertMembershipKey"] = """
            WITH bumped AS (
                UPDATE orleans_membership_version SET version = version + 1
                WHERE deployment_id = @DeploymentId AND version = @Version
                    AND NOT EXISTS (
                        SELECT 1 FROM orleans_membership
                        WHERE deployment_id = @DeploymentId AND address = @Address
                            AND port = @Port AND generation = @Generation)
                RETURNING deployment_id),
            inserted AS (
                INSERT INTO orleans_membership (
                    deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                    suspect_times, start_time, i_am_alive_time)
                SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
                    NULL, @StartTime, @IAmAliveTime
                FROM bumped
                RETURNING 1)
            SELECT count(*)::integer FROM inserted;
            """,
        ["UpdateMembershipKey"] = """
            WITH bumped AS (
                UPDATE orleans_membership_version SET version = version + 1
                WHERE deployment_id = @DeploymentId AND version = @Version
                    AND EXISTS (
                        SELECT 1 FROM orleans_membership
                        WHERE deployment_id = @DeploymentId AND address = @Address
                            AND port = @Port AND generation = @Generation)
                RETURNING deployment_id),
            updated AS (
                UPDATE orleans_membership m
                SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
                FROM bumped
                WHERE m.deployment_id = bumped.deployment_id AND m.address = @Address
                    AND m.port = @Port AND m.generation = @Generation
                RETURNING 1)
            SELECT count(*)::integer FROM updated;
            """,
        ["UpdateIAmAlivetimeKey"] = """
            UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime
            WHERE deployment_id = @DeploymentId AND address = @Address
                AND port = @Port AND generation = @Generation;
            """,
        ["GatewaysQueryKey"] = """
            SELECT address, proxy_port AS proxyport, generation
            FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
            """,
        ["DeleteMembershipTableEntriesKey"] = """
            DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
            DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
            """,

        // Only rows of dead silos are removed (status 6 is SiloStatus.Dead); the version row is kept.
        ["CleanupDefunctSiloEntriesKey"] = """
            DELETE FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status = 6;
            """,

        // Grain persistence. A write succeeds with one row holding the new version; a conflict returns no row.
        ["ReadFromStorageKey"] = $"""
            SELECT payload_binary AS payloadbinary, version
            FROM orleans_storage
            WHERE {StorageIdentity};
            """,
        ["WriteToStorageKey"] = $"""
            WITH updated AS (
                UPDATE orleans_storage
                SET payload_binary = @PayloadBinary, version = version + 1, modified_on = now()
                WHERE {StorageIdentity}
                    AND @GrainStateVersion::integer IS NOT NULL AND version = @GrainStateVersion
                RETURNING version),
            inserted AS (
                INSERT INTO orleans_storage (
                    grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash, grain_type_string,
                    grain_id_extension_string, service_id, payload_binary, version)
                SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                    @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
                WHERE @GrainStateVersion::integer IS NULL
                ON CONFLICT DO NOTHING
                RETURNING version)
            SELECT version AS newgrainstateversion FROM updated
            UNION ALL
            SELECT version FROM inserted;
            """,
        ["ClearStorageKey"] = $"""
            UPDATE orleans_storage
            SET payload_binary = NULL, version = version + 1, modified_on = now()
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
            RETURNING version;
            """,
        ["DeleteReminderRowKey"] = """
            WITH deleted AS (
                DELETE FROM orleans_reminders
                WHERE service_id = @ServiceId AND grain_id = @GrainId
                    AND reminder_name = @ReminderName AND version = @Version
                RETURNING 1)
            SELECT count(*)::integer FROM deleted;
            """,
        ["DeleteReminderRowsKey"] = """
            DELETE FROM orleans_reminders WHERE service_id = @ServiceId;
            """,
    };
}
