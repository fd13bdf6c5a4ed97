namespace MixpanelSync.GrainInterfaces.Delivery;

/// <summary>One event that Mixpanel rejected.</summary>
/// <param name="SourceKey">The event's sequence number in the event store.</param>
/// <param name="Field">The field Mixpanel named, when it named one.</param>
/// <param name="Reason">A short stable phrase, such as <c>rejected by Mixpanel</c>.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.event-rejection")]
public sealed record EventRejection(
    [property: Id(0)] long SourceKey,
    [property: Id(1)] string? Field,
    [property: Id(2)] string Reason);
