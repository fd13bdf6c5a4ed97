namespace MixpanelSync.GrainInterfaces.Delivery;

/// <summary>One event that Mixpanel rejected.</summary>
/// <param name="SourceKey">The event's sequence number in the event store.</param>
/// <param name="Field">The field Mixpanel named, when it named one.</param>
/// <param name="Reason">A short stable phrase, such as <c>rejected by Mixpanel</c>.</param>
/// <param name="Message">Mixpanel's explanation from <c>failed_records</c>, when it gave one.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.event-rejection")]
public sealed record EventRejection(
    [property: Id(0)] long SourceKey,
    [property: Id(1)] string? Field,
    [property: Id(2)] string Reason,
    [property: Id(3)] string? Message = null);
