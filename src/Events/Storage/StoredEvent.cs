namespace MixpanelSync.Events.Storage;

/// <summary>A brand event as the store keeps it.</summary>
/// <param name="Sequence">The store-wide sequence number, increasing in the order events were stored.</param>
/// <param name="BrandId">The brand that sent the event.</param>
/// <param name="Event">The event itself.</param>
/// <param name="StoredAt">When the store received the event.</param>
public sealed record StoredEvent(long Sequence, string BrandId, BrandEvent Event, DateTimeOffset StoredAt);
