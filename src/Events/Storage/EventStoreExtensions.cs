using System.Runtime.CompilerServices;

namespace MixpanelSync.Events.Storage;

/// <summary>Reading helpers over <see cref="IEventStore"/>.</summary>
public static class EventStoreExtensions
{
    /// <summary>
    /// Reads a brand's events after <paramref name="afterSequence"/> up to <paramref name="highWaterMark"/>, one
    /// page at a time, so that at most one page is held in memory. Commit the cursor to a page's last sequence
    /// number once that page is accounted for.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<StoredEvent>> ReadPagesAsync(
        this IEventStore store,
        string brandId,
        long afterSequence,
        long highWaterMark,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        while (true)
        {
            var page = await store.ReadPageAsync(brandId, afterSequence, highWaterMark, pageSize, cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }

            yield return page;
            afterSequence = page[^1].Sequence;
        }
    }
}
