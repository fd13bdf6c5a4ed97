using System.Globalization;

namespace MixpanelSync.Events.Storage;

public abstract partial class RelationalEventStore
{
    /// <inheritdoc/>
    public async Task<long> GetCursorAsync(string brandId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(
            connection,
            "SELECT sequence FROM sync_cursors WHERE brand_id = @brand",
            ("@brand", brandId));
        var cursor = await command.ExecuteScalarAsync(cancellationToken);
        return cursor is null or DBNull ? 0 : Convert.ToInt64(cursor, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public async Task<long> CommitCursorAsync(
        string brandId,
        long sequence,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(
            connection,
            $"""
            INSERT INTO sync_cursors (brand_id, sequence, updated_at) VALUES (@brand, @sequence, @now)
            ON CONFLICT (brand_id) DO UPDATE
            SET sequence = {Greatest("sync_cursors.sequence", "excluded.sequence")}, updated_at = excluded.updated_at
            RETURNING sequence
            """,
            ("@brand", brandId),
            ("@sequence", sequence),
            ("@now", NowMs()));
        var stored = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        StoreLog.CursorCommitted(Logger, brandId, stored);
        return stored;
    }
}
