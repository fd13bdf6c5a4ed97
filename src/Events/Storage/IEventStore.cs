namespace MixpanelSync.Events.Storage;

/// <summary>
/// Durable storage of brand events until they are pushed, with the per-brand cursor, run records and dead
/// letters of the sync.
/// </summary>
/// <remarks>
/// Every stored event gets a sequence number that increases across the whole store. A sync run fixes a
/// high-water mark with <see cref="GetHighWaterMarkAsync"/>, reads pages after the brand's cursor up to that
/// mark, and commits the cursor once the pages are accounted for. Implementations guarantee that an event
/// committed after a high-water mark was taken gets a higher sequence number than that mark, so a cursor never
/// passes over an event that was still being written.
/// </remarks>
public interface IEventStore
{
    /// <summary>
    /// Creates the tables and indexes if they do not exist; safe to call on every start-up and concurrently.
    /// </summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a batch of a brand's events in one transaction. An event whose id the brand already stored, in
    /// this batch or before, is counted as a duplicate and not stored again.
    /// </summary>
    Task<AppendResult> AppendAsync(
        string brandId,
        IReadOnlyList<BrandEvent> events,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the highest sequence number a run may read now without skipping an event that commits later;
    /// 0 when the brand has no events.
    /// </summary>
    Task<long> GetHighWaterMarkAsync(string brandId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads at most <paramref name="maxCount"/> of a brand's events with a sequence number greater than
    /// <paramref name="afterSequence"/> and at most <paramref name="highWaterMark"/>, in sequence order.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadPageAsync(
        string brandId,
        long afterSequence,
        long highWaterMark,
        int maxCount,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts a brand's stored events that happened at or after <paramref name="from"/> and before
    /// <paramref name="until"/>; 0 when <paramref name="until"/> is not after <paramref name="from"/>.
    /// </summary>
    Task<long> CountEventsAsync(
        string brandId,
        DateTimeOffset from,
        DateTimeOffset until,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads every stored event of the given user ids of a brand, in sequence order, for the user profiles that
    /// are derived from all of a user's events. Ids without events are left out.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadUserEventsAsync(
        string brandId,
        IReadOnlyCollection<string> userIds,
        CancellationToken cancellationToken = default);

    /// <summary>Returns the brand's committed cursor; 0 before the first commit.</summary>
    Task<long> GetCursorAsync(string brandId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the brand's cursor forward to <paramref name="sequence"/>: every event up to it is accounted for.
    /// A value below the stored cursor leaves it unchanged. Returns the stored cursor.
    /// </summary>
    Task<long> CommitCursorAsync(string brandId, long sequence, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the record of one run, keyed by <see cref="RunRecord.RunId"/>.</summary>
    Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken = default);

    /// <summary>Lists a brand's most recent runs, newest first.</summary>
    Task<IReadOnlyList<RunRecord>> ListRunsAsync(
        string brandId,
        int maxCount,
        CancellationToken cancellationToken = default);

    /// <summary>Stores rejected events as dead letters; returns the ids given to them, in input order.</summary>
    Task<IReadOnlyList<long>> AddDeadLettersAsync(
        string brandId,
        IReadOnlyList<RejectedEvent> rejected,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists a brand's dead letters with an id greater than <paramref name="afterId"/>, oldest first.
    /// </summary>
    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(
        string brandId,
        DeadLetterFilter filter,
        long afterId,
        int maxCount,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks dead letters of the brand as replayed now; returns how many were found and not yet replayed.
    /// </summary>
    Task<int> MarkDeadLettersReplayedAsync(
        string brandId,
        IReadOnlyCollection<long> deadLetterIds,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the brand's events that the retention rule lets go: pushed events (at or below the cursor) and
    /// events that will never be pushed, once they were stored longer ago than the rule's maximum age.
    /// </summary>
    Task<RetentionResult> DeleteExpiredAsync(
        string brandId,
        RetentionRule rule,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every event and dead letter of one end user of a brand: those with the user id, and the
    /// anonymous (user-less) events of the devices that user was seen on or of the given device.
    /// </summary>
    /// <returns>The counts and the user and device ids, so that the caller can delete the Mixpanel profiles.</returns>
    Task<EndUserDeletion> DeleteEndUserAsync(
        string brandId,
        string? userId,
        string? deviceId,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes all of a brand's events and dead letters; run records and the cursor stay. Returns the number
    /// of events deleted.
    /// </summary>
    Task<long> PurgeBrandAsync(string brandId, CancellationToken cancellationToken = default);
}
