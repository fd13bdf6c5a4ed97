using System.Data.Common;
using System.Text.Json;

namespace MixpanelSync.Events.Storage;

public abstract partial class RelationalEventStore
{
    private const string RunColumns =
        "run_id, brand_id, trigger, started_at, ended_at, cursor_from, high_water_mark, events_read, " +
        "events_skipped, events_sent, events_imported, rejected_by_reason, retries, bytes_sent, outcome, error, " +
        "profiles_sent, profiles_failed";

    /// <inheritdoc/>
    public async Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(run.RunId);
        ArgumentException.ThrowIfNullOrEmpty(run.BrandId);

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(
            connection,
            $"""
            INSERT INTO sync_runs ({RunColumns})
            VALUES (@run, @brand, @trigger, @started, @ended, @cursor, @high, @read, @skipped, @sent, @imported,
                    @rejected, @retries, @bytes, @outcome, @error, @profilesSent, @profilesFailed)
            ON CONFLICT (run_id) DO UPDATE SET
                trigger = excluded.trigger, started_at = excluded.started_at, ended_at = excluded.ended_at,
                cursor_from = excluded.cursor_from, high_water_mark = excluded.high_water_mark,
                events_read = excluded.events_read, events_skipped = excluded.events_skipped,
                events_sent = excluded.events_sent, events_imported = excluded.events_imported,
                rejected_by_reason = excluded.rejected_by_reason, retries = excluded.retries,
                bytes_sent = excluded.bytes_sent, outcome = excluded.outcome, error = excluded.error,
                profiles_sent = excluded.profiles_sent, profiles_failed = excluded.profiles_failed
            """,
            ("@run", run.RunId),
            ("@brand", run.BrandId),
            ("@trigger", run.Trigger.ToString()),
            ("@started", run.StartedAt.ToUnixTimeMilliseconds()),
            ("@ended", run.EndedAt?.ToUnixTimeMilliseconds()),
            ("@cursor", run.CursorFrom),
            ("@high", run.HighWaterMark),
            ("@read", run.EventsRead),
            ("@skipped", run.EventsSkipped),
            ("@sent", run.EventsSent),
            ("@imported", run.EventsImported),
            ("@rejected", JsonSerializer.Serialize(run.RejectedByReason)),
            ("@retries", run.Retries),
            ("@bytes", run.BytesSent),
            ("@outcome", run.Outcome.ToString()),
            ("@error", run.Error),
            ("@profilesSent", run.ProfilesSent),
            ("@profilesFailed", run.ProfilesFailed));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(
        string brandId,
        int maxCount,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(
            connection,
            $"""
            SELECT {RunColumns} FROM sync_runs WHERE brand_id = @brand
            ORDER BY started_at DESC, run_id DESC
            LIMIT @limit
            """,
            ("@brand", brandId),
            ("@limit", maxCount));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var runs = new List<RunRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(ReadRun(reader));
        }

        return runs;
    }

    private static RunRecord ReadRun(DbDataReader reader) => new()
    {
        RunId = reader.GetString(0),
        BrandId = reader.GetString(1),
        Trigger = Enum.Parse<RunTrigger>(reader.GetString(2)),
        StartedAt = Sql.FromMs(reader.GetInt64(3)),
        EndedAt = Sql.NullableInt64(reader, 4) is { } ended ? Sql.FromMs(ended) : null,
        CursorFrom = reader.GetInt64(5),
        HighWaterMark = reader.GetInt64(6),
        EventsRead = reader.GetInt64(7),
        EventsSkipped = reader.GetInt64(8),
        EventsSent = reader.GetInt64(9),
        EventsImported = reader.GetInt64(10),
        RejectedByReason = JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(11)) ?? [],
        Retries = reader.GetInt64(12),
        BytesSent = reader.GetInt64(13),
        Outcome = Enum.Parse<RunOutcome>(reader.GetString(14)),
        Error = Sql.NullableString(reader, 15),
        ProfilesSent = reader.GetInt64(16),
        ProfilesFailed = reader.GetInt64(17),
    };
}
