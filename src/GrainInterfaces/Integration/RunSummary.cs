namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>The record of one sync run.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="Trigger">What started the run.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="EndedAt">When it ended; <see langword="null"/> while it runs.</param>
/// <param name="EventsRead">Events read from the store.</param>
/// <param name="EventsSkipped">Events not sent on purpose: before the connection time or of excluded types.</param>
/// <param name="EventsSent">Events sent to Mixpanel, each counted once however often it was retried.</param>
/// <param name="EventsImported">Events Mixpanel reported as imported.</param>
/// <param name="RejectedByReason">Rejected events by reason, from our validation and from Mixpanel.</param>
/// <param name="Retries">Requests sent again after a retryable failure.</param>
/// <param name="BytesSent">Uncompressed request bytes sent, retries included.</param>
/// <param name="Outcome">How the run ended.</param>
/// <param name="Error">The error that ended a failed run.</param>
/// <param name="ProfilesSent">User profiles that Mixpanel accepted, when the brand pushes profiles.</param>
/// <param name="ProfilesFailed">User profiles that were rejected or could not be delivered.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.run-summary")]
public sealed record RunSummary(
    [property: Id(0)] string RunId,
    [property: Id(1)] SyncTrigger Trigger,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset? EndedAt,
    [property: Id(4)] long EventsRead,
    [property: Id(5)] long EventsSkipped,
    [property: Id(6)] long EventsSent,
    [property: Id(7)] long EventsImported,
    [property: Id(8)] IReadOnlyDictionary<string, long> RejectedByReason,
    [property: Id(9)] long Retries,
    [property: Id(10)] long BytesSent,
    [property: Id(11)] SyncOutcome Outcome,
    [property: Id(12)] string? Error,
    [property: Id(13)] long ProfilesSent = 0,
    [property: Id(14)] long ProfilesFailed = 0)
{
    /// <summary>The total of <see cref="RejectedByReason"/>.</summary>
    public long EventsRejected => RejectedByReason.Values.Sum();

    /// <summary>The time from start to end; <see langword="null"/> while the run runs.</summary>
    public TimeSpan? Duration => EndedAt - StartedAt;
}
