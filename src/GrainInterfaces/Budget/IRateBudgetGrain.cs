namespace MixpanelSync.GrainInterfaces.Budget;

/// <summary>
/// The shared ingestion budget of one Mixpanel project, keyed by a hash of the project token so that brands
/// sharing a project share one budget. Mixpanel limits a project to 2 GB of uncompressed JSON and about
/// 1.8 million events in a rolling 60-second window; the grain grants budget within configured limits
/// and shrinks them when senders report 429 responses.
/// </summary>
/// <remarks>
/// A grant counts against the window from the moment it is granted until one window length after it is released,
/// because Mixpanel may count the request at any moment in between. Granted requests therefore never add up to
/// more than the limit within any window of Mixpanel's clock, however long they take.
/// </remarks>
[Alias("mixpanel-sync.rate-budget")]
public interface IRateBudgetGrain : IGrainWithStringKey
{
    /// <summary>
    /// Requests budget for one request of <paramref name="bytes"/> uncompressed bytes and
    /// <paramref name="events"/> events. When the window is full, nothing is spent and the grant says how
    /// long to wait.
    /// </summary>
    [Alias("acquire")]
    Task<BudgetGrant> AcquireAsync(long bytes, int events);

    /// <summary>
    /// Reports that the request of a grant has completed, retries included; the grant leaves the window one
    /// window length later. Unknown ids, such as grants made before the grain was reactivated, are ignored.
    /// </summary>
    [Alias("release")]
    Task ReleaseAsync(long grantId);

    /// <summary>Reports a 429 response, which shrinks the budget of every sender of the project.</summary>
    [Alias("report-throttled")]
    Task ReportThrottledAsync();

    /// <summary>Returns the budget's current use and limits.</summary>
    [Alias("get-snapshot")]
    Task<RateBudgetSnapshot> GetSnapshotAsync();
}
