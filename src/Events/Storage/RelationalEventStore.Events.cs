namespace MixpanelSync.Events.Storage;

public abstract partial class RelationalEventStore
{
    /// <inheritdoc/>
    public async Task<AppendResult> AppendAsync(
        string brandId,
        IReadOnlyList<BrandEvent> events,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var brandEvent in events)
        {
            ArgumentNullException.ThrowIfNull(brandEvent, nameof(events));
            ArgumentException.ThrowIfNullOrEmpty(brandEvent.EventId, nameof(events));
        }

        if (events.Count == 0)
        {
            return new AppendResult(0, 0);
        }

        using var writeLock = await AcquireWriteLockAsync(cancellationToken);
        await using var connection = await OpenWriteConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteTransactionAsync(connection, cancellationToken);
        await LockBrandStreamAsync(transaction, brandId, cancellationToken);
        var accepted = await InsertEventsAsync(transaction, brandId, events, NowMs(), cancellationToken);

        if (BeforeAppendCommitAsync is { } beforeCommit)
        {
            await beforeCommit(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await AfterAppendCommitAsync(connection, cancellationToken);

        var result = new AppendResult(accepted, events.Count - accepted);
        StoreLog.EventsAppended(Logger, brandId, result.Accepted, result.Duplicates);
        return result;
    }

    /// <inheritdoc/>
    public async Task<long> GetHighWaterMarkAsync(string brandId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);

        // Appends of one brand are serialised by LockBrandStreamAsync, so every append that commits after this
        // read takes its sequence numbers after the ones visible here.
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(
            connection,
            "SELECT COALESCE(MAX(sequence), 0) FROM brand_events WHERE brand_id = @brand",
            ("@brand", brandId));
        var highWaterMark = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt64(highWaterMark, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredEvent>> ReadPageAsync(
        string brandId,
        long afterSequence,
        long highWaterMark,
        int maxCount,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        if (highWaterMark <= afterSequence)
        {
            return [];
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(
            connection,
            """
            SELECT sequence, payload, stored_at FROM brand_events
            WHERE brand_id = @brand AND sequence > @after AND sequence <= @high
            ORDER BY sequence
            LIMIT @limit
            """,
            ("@brand", brandId),
            ("@after", afterSequence),
            ("@high", highWaterMark),
            ("@limit", maxCount));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var page = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(new StoredEvent(
                reader.GetInt64(0),
                brandId,
                ReadPayload(reader, 1),
                Sql.FromMs(reader.GetInt64(2))));
        }

        return page;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredEvent>> ReadUserEventsAsync(
        string brandId,
        IReadOnlyCollection<string> userIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);
        ArgumentNullException.ThrowIfNull(userIds);

        var events = new List<StoredEvent>();
        await using var connection = await OpenConnectionAsync(cancellationToken);

        // SQLite allows at most 32,766 parameters per statement, so the ids go in chunks.
        foreach (var chunk in userIds.Distinct(StringComparer.Ordinal).Chunk(MaxIdsPerStatement))
        {
            await using var command = Sql.Command(connection, string.Empty, ("@brand", brandId));
            var list = Sql.AddList(command, "user", chunk);
            command.CommandText =
                "SELECT sequence, payload, stored_at FROM brand_events " +
                $"WHERE brand_id = @brand AND user_id IN ({list})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                events.Add(new StoredEvent(
                    reader.GetInt64(0),
                    brandId,
                    ReadPayload(reader, 1),
                    Sql.FromMs(reader.GetInt64(2))));
            }
        }

        events.Sort((left, right) => left.Sequence.CompareTo(right.Sequence));
        return events;
    }

    private const int MaxIdsPerStatement = 500;
}
