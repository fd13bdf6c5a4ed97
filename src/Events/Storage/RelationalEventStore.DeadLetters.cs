using System.Data.Common;
using System.Globalization;

namespace MixpanelSync.Events.Storage;

public abstract partial class RelationalEventStore
{
    private const string DeadLetterColumns =
        "id, brand_id, sequence, payload, reason, field, run_id, created_at, replayed_at, message";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<long>> AddDeadLettersAsync(
        string brandId,
        IReadOnlyList<RejectedEvent> rejected,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);
        ArgumentNullException.ThrowIfNull(rejected);
        if (rejected.Count == 0)
        {
            return [];
        }

        using var writeLock = await AcquireWriteLockAsync(cancellationToken);
        await using var connection = await OpenWriteConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteTransactionAsync(connection, cancellationToken);
        var ids = new List<long>(rejected.Count);
        var now = NowMs();
        foreach (var item in rejected)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(rejected));
            ids.Add(await InsertDeadLetterAsync(transaction, brandId, item, now, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        StoreLog.DeadLettersAdded(Logger, brandId, ids.Count);
        return ids;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(
        string brandId,
        DeadLetterFilter filter,
        long afterId,
        int maxCount,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);

        var pendingOnly = filter == DeadLetterFilter.Pending ? "AND replayed_at IS NULL" : "";
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(
            connection,
            $"""
            SELECT {DeadLetterColumns} FROM dead_letters
            WHERE brand_id = @brand AND id > @after {pendingOnly}
            ORDER BY id
            LIMIT @limit
            """,
            ("@brand", brandId),
            ("@after", afterId),
            ("@limit", maxCount));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(ReadDeadLetter(reader));
        }

        return letters;
    }

    /// <inheritdoc/>
    public async Task<int> MarkDeadLettersReplayedAsync(
        string brandId,
        IReadOnlyCollection<long> deadLetterIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);
        ArgumentNullException.ThrowIfNull(deadLetterIds);

        var marked = 0;
        using var writeLock = await AcquireWriteLockAsync(cancellationToken);
        await using var connection = await OpenWriteConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteTransactionAsync(connection, cancellationToken);
        foreach (var chunk in deadLetterIds.Distinct().Chunk(500))
        {
            await using var command = Sql.Command(transaction, "", ("@brand", brandId), ("@now", NowMs()));
            var idList = Sql.AddList(command, "id", chunk);
            command.CommandText =
                "UPDATE dead_letters SET replayed_at = @now " +
                $"WHERE brand_id = @brand AND replayed_at IS NULL AND id IN ({idList})";
            marked += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return marked;
    }

    private static async Task<long> InsertDeadLetterAsync(
        DbTransaction transaction,
        string brandId,
        RejectedEvent item,
        long now,
        CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(
            transaction,
            """
            INSERT INTO dead_letters
                (brand_id, sequence, event_id, user_id, device_id, payload, reason, field, run_id, created_at, message)
            VALUES (@brand, @sequence, @event, @user, @device, @payload, @reason, @field, @run, @now, @message)
            RETURNING id
            """,
            ("@brand", brandId),
            ("@sequence", item.Sequence),
            ("@event", item.Event.EventId),
            ("@user", item.Event.UserId),
            ("@device", item.Event.DeviceId),
            ("@payload", BrandEventJson.Serialize(item.Event)),
            ("@reason", item.Reason),
            ("@field", item.Field),
            ("@run", item.RunId),
            ("@now", now),
            ("@message", item.Message));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static DeadLetter ReadDeadLetter(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetInt64(2),
        BrandEventJson.Deserialize(reader.GetString(3)),
        reader.GetString(4),
        Sql.NullableString(reader, 5),
        Sql.NullableString(reader, 6),
        Sql.FromMs(reader.GetInt64(7)),
        Sql.NullableInt64(reader, 8) is { } replayed ? Sql.FromMs(replayed) : null,
        Sql.NullableString(reader, 9));
}
