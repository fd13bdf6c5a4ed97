using System.Globalization;

namespace MixpanelSync.Events.Storage;

public abstract partial class RelationalEventStore
{
    /// <summary>The statement of <see cref="CountEventsAsync"/>; tests read its query plan.</summary>
    internal const string CountEventsSql =
        """
        SELECT COUNT(*) FROM brand_events
        WHERE brand_id = @brand AND occurred_at >= @from AND occurred_at < @until
        """;

    /// <inheritdoc/>
    public async Task<long> CountEventsAsync(
        string brandId,
        DateTimeOffset from,
        DateTimeOffset until,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);
        if (until <= from)
        {
            return 0;
        }

        // The (brand_id, occurred_at) index covers this count, so it reads no table rows.
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(
            connection,
            CountEventsSql,
            ("@brand", brandId),
            ("@from", from.ToUnixTimeMilliseconds()),
            ("@until", until.ToUnixTimeMilliseconds()));
        var count = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt64(count, CultureInfo.InvariantCulture);
    }
}
