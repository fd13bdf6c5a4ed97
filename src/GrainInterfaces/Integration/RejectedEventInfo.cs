namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>An event that validation or Mixpanel rejected, as the brand sees it.</summary>
/// <param name="DeadLetterId">The id to pass to a replay.</param>
/// <param name="Sequence">The event's sequence number in the event store.</param>
/// <param name="EventId">The brand's event id.</param>
/// <param name="EventType">The brand event type.</param>
/// <param name="OccurredAt">When the event happened.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="Field">The field at fault, when known.</param>
/// <param name="RunId">The run that rejected it, when known.</param>
/// <param name="RejectedAt">When it was rejected.</param>
/// <param name="ReplayedAt">When it was replayed, or <see langword="null"/>.</param>
/// <param name="Message">
/// The explanation from validation or from Mixpanel's <c>failed_records</c>, such as <c>'properties.time' is
/// invalid: must not be more than 1 hour in the future</c>; <see langword="null"/> for dead letters stored before
/// messages were kept.
/// </param>
[GenerateSerializer]
[Alias("mixpanel-sync.rejected-event")]
public sealed record RejectedEventInfo(
    [property: Id(0)] long DeadLetterId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string EventId,
    [property: Id(3)] string EventType,
    [property: Id(4)] DateTimeOffset OccurredAt,
    [property: Id(5)] string Reason,
    [property: Id(6)] string? Field,
    [property: Id(7)] string? RunId,
    [property: Id(8)] DateTimeOffset RejectedAt,
    [property: Id(9)] DateTimeOffset? ReplayedAt,
    [property: Id(10)] string? Message = null);
