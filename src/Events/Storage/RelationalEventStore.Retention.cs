using System.Data.Common;
using System.Globalization;

namespace MixpanelSync.Events.Storage;

public abstract partial class RelationalEventStore
{
    /// <inheritdoc/>
    public async Task<RetentionResult> DeleteExpiredAsync(
        string brandId,
        RetentionRule rule,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.MaxAge, TimeSpan.Zero);

        var cutoff = NowMs() - (long)rule.MaxAge.TotalMilliseconds;
        using var writeLock = await AcquireWriteLockAsync(cancellationToken);
        await using var connection = await OpenWriteConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteTransactionAsync(connection, cancellationToken);
        var cursor = await ReadCursorAsync(transaction, brandId, cancellationToken);

        var pushed = await ExecuteAsync(
            transaction,
            "DELETE FROM brand_events WHERE brand_id = @brand AND sequence <= @cursor AND stored_at < @cutoff",
            cancellationToken,
            ("@brand", brandId),
            ("@cursor", cursor),
            ("@cutoff", cutoff));

        // Without a connection nothing above the cursor will be pushed; with one, only events that occurred
        // before it are left out of scheduled runs.
        var neverPushed = rule.ConnectedAt is null ? "" : "AND occurred_at < @connected";
        var unpushable = await ExecuteAsync(
            transaction,
            "DELETE FROM brand_events WHERE brand_id = @brand AND sequence > @cursor AND stored_at < @cutoff " +
            neverPushed,
            cancellationToken,
            ("@brand", brandId),
            ("@cursor", cursor),
            ("@cutoff", cutoff),
            ("@connected", rule.ConnectedAt?.ToUnixTimeMilliseconds()));

        var deadLetters = await ExecuteAsync(
            transaction,
            "DELETE FROM dead_letters WHERE brand_id = @brand AND created_at < @cutoff",
            cancellationToken,
            ("@brand", brandId),
            ("@cutoff", cutoff));

        await transaction.CommitAsync(cancellationToken);
        StoreLog.RetentionApplied(Logger, brandId, pushed, unpushable, deadLetters);
        return new RetentionResult(pushed, unpushable, deadLetters);
    }

    /// <inheritdoc/>
    public async Task<EndUserDeletion> DeleteEndUserAsync(
        string brandId,
        string? userId,
        string? deviceId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);
        if (string.IsNullOrEmpty(userId) && string.IsNullOrEmpty(deviceId))
        {
            throw new ArgumentException("Give the user id, the device id or both of the end user to delete.");
        }

        using var writeLock = await AcquireWriteLockAsync(cancellationToken);
        await using var connection = await OpenWriteConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteTransactionAsync(connection, cancellationToken);
        var devices = new SortedSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(deviceId))
        {
            devices.Add(deviceId);
        }

        if (!string.IsNullOrEmpty(userId))
        {
            devices.UnionWith(await ReadDevicesOfUserAsync(transaction, brandId, userId, cancellationToken));
        }

        var events = await DeleteEndUserRowsAsync(
            transaction, "brand_events", brandId, userId, devices, cancellationToken);
        var deadLetters = await DeleteEndUserRowsAsync(
            transaction, "dead_letters", brandId, userId, devices, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        StoreLog.EndUserDeleted(Logger, brandId, events, deadLetters, devices.Count);
        string[] userIds = string.IsNullOrEmpty(userId) ? [] : [userId];
        return new EndUserDeletion(events, deadLetters, userIds, [.. devices]);
    }

    /// <inheritdoc/>
    public async Task<long> PurgeBrandAsync(string brandId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);

        using var writeLock = await AcquireWriteLockAsync(cancellationToken);
        await using var connection = await OpenWriteConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteTransactionAsync(connection, cancellationToken);
        var events = await ExecuteAsync(
            transaction, "DELETE FROM brand_events WHERE brand_id = @brand", cancellationToken, ("@brand", brandId));
        var deadLetters = await ExecuteAsync(
            transaction, "DELETE FROM dead_letters WHERE brand_id = @brand", cancellationToken, ("@brand", brandId));
        await transaction.CommitAsync(cancellationToken);

        StoreLog.BrandPurged(Logger, brandId, events, deadLetters);
        return events;
    }

    private static async Task<long> ReadCursorAsync(
        DbTransaction transaction,
        string brandId,
        CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(
            transaction, "SELECT sequence FROM sync_cursors WHERE brand_id = @brand", ("@brand", brandId));
        var cursor = await command.ExecuteScalarAsync(cancellationToken);
        return cursor is null or DBNull ? 0 : Convert.ToInt64(cursor, CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> ReadDevicesOfUserAsync(
        DbTransaction transaction,
        string brandId,
        string userId,
        CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(
            transaction,
            """
            SELECT device_id FROM brand_events
            WHERE brand_id = @brand AND user_id = @user AND device_id IS NOT NULL
            UNION
            SELECT device_id FROM dead_letters
            WHERE brand_id = @brand AND user_id = @user AND device_id IS NOT NULL
            """,
            ("@brand", brandId),
            ("@user", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var devices = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            devices.Add(reader.GetString(0));
        }

        return devices;
    }

    /// <summary>
    /// Deletes the rows of the user id, and the rows without a user id of the given devices. Rows of a device
    /// that carry another user's id stay: they belong to that user.
    /// </summary>
    private static async Task<long> DeleteEndUserRowsAsync(
        DbTransaction transaction,
        string table,
        string brandId,
        string? userId,
        IReadOnlyCollection<string> devices,
        CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(transaction, "", ("@brand", brandId));
        var conditions = new List<string>();
        if (!string.IsNullOrEmpty(userId))
        {
            Sql.AddParameter(command, "@user", userId);
            conditions.Add("user_id = @user");
        }

        if (devices.Count > 0)
        {
            conditions.Add($"(user_id IS NULL AND device_id IN ({Sql.AddList(command, "device", devices)}))");
        }

        var belongsToEndUser = string.Join(" OR ", conditions);
        command.CommandText = $"DELETE FROM {table} WHERE brand_id = @brand AND ({belongsToEndUser})";
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ExecuteAsync(
        DbTransaction transaction,
        string sql,
        CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Sql.Command(transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
