namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>
/// One brand's Mixpanel integration, keyed by brand id: credentials, schedule, connection state and the sync
/// runs that push the brand's stored events to its Mixpanel project.
/// </summary>
/// <remarks>
/// Runs go on in the background: methods that start a run return as soon as it has started, and
/// <see cref="GetStatusAsync"/> and <see cref="DisconnectAsync"/> answer while a run is in progress.
/// </remarks>
[Alias("mixpanel-sync.brand-integration")]
public interface IBrandIntegrationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Connects the brand's Mixpanel project. The token is first checked with an /import request that holds
    /// one deliberately invalid event, and nothing is saved unless Mixpanel accepts the credentials. Events
    /// that happened before the connection time are sent only by a backfill.
    /// </summary>
    /// <remarks>
    /// Connecting again after a disconnect starts afresh: a new connection time, no pending retry, and the
    /// cursor kept where it is, so events already accounted for are not sent twice.
    /// </remarks>
    [Alias("connect")]
    Task<ConnectResult> ConnectAsync(ConnectRequest request);

    /// <summary>
    /// Changes settings of a connected integration. A new token, residency or service account is checked
    /// like on connect and clears the error state; the cursor and connection time stay.
    /// </summary>
    [Alias("update-settings")]
    Task<ConnectResult> UpdateSettingsAsync(SettingsUpdate update);

    /// <summary>Starts a run now, unless one is already in progress or the integration cannot sync.</summary>
    [Alias("sync-now")]
    Task<SyncRequestResult> SyncNowAsync();

    /// <summary>
    /// Disconnects the project: stops a run in progress at the next batch boundary, removes the schedule and
    /// deletes the stored credentials. Run history, dead letters and the cursor are kept.
    /// </summary>
    /// <param name="confirmed">Must be <see langword="true"/>; guards against accidental disconnects.</param>
    [Alias("disconnect")]
    Task<DisconnectResult> DisconnectAsync(bool confirmed);

    /// <summary>
    /// Deletes every stored event and dead letter of one end user, then sends a profile <c>$delete</c> for each of
    /// the user's distinct_ids to the brand's Mixpanel project when one is connected. Events already pushed to
    /// Mixpanel stay there.
    /// </summary>
    /// <param name="userId">The end user's user id, or <see langword="null"/>.</param>
    /// <param name="deviceId">
    /// A device id of the end user, or <see langword="null"/>. One of the two ids is required.
    /// </param>
    [Alias("delete-end-user")]
    Task<EndUserDeletionResult> DeleteEndUserAsync(string? userId, string? deviceId);

    /// <summary>Returns the integration's state, settings without secrets, and current and last run.</summary>
    [Alias("get-status")]
    Task<IntegrationStatus> GetStatusAsync();

    /// <summary>Lists the brand's most recent runs, newest first.</summary>
    /// <param name="maxCount">The maximum number of runs, 1 to 500.</param>
    [Alias("list-runs")]
    Task<IReadOnlyList<RunSummary>> ListRunsAsync(int maxCount);

    /// <summary>
    /// Lists rejected events with a dead-letter id greater than <paramref name="afterId"/>, oldest first.
    /// </summary>
    /// <param name="includeReplayed">Whether to include rejected events that were already replayed.</param>
    /// <param name="afterId">The last dead-letter id of the previous page, or 0.</param>
    /// <param name="maxCount">The maximum number of events, 1 to 1000.</param>
    [Alias("list-rejected-events")]
    Task<IReadOnlyList<RejectedEventInfo>> ListRejectedEventsAsync(bool includeReplayed, long afterId, int maxCount);

    /// <summary>
    /// Starts a replay run that maps, validates and sends rejected events again with the current settings.
    /// Events rejected again become new dead letters.
    /// </summary>
    /// <param name="deadLetterIds">The dead letters to replay, or an empty list for every pending one.</param>
    [Alias("replay-rejected-events")]
    Task<SyncRequestResult> ReplayRejectedEventsAsync(IReadOnlyList<long> deadLetterIds);

    /// <summary>
    /// Counts the stored events that happened from <paramref name="from"/> up to the connection time, which a
    /// backfill from that date sends.
    /// </summary>
    [Alias("preview-backfill")]
    Task<BackfillPreview> PreviewBackfillAsync(DateTimeOffset from);

    /// <summary>
    /// Starts a backfill run that sends the stored events that happened from <paramref name="from"/> up to
    /// the connection time. Stored events that no regular run has read yet are sent from that date on, with no
    /// upper limit, and the backfill moves the cursor past them. Later regular runs also send events from that
    /// date on.
    /// </summary>
    [Alias("start-backfill")]
    Task<SyncRequestResult> StartBackfillAsync(DateTimeOffset from);
}
