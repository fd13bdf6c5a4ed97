namespace MixpanelSync.Events.Storage;

/// <summary>A stored rejected event, kept for inspection and replay.</summary>
/// <param name="Id">The dead letter's id, increasing in the order they were stored.</param>
/// <param name="BrandId">The brand the event belongs to.</param>
/// <param name="Sequence">The event's sequence number in the store.</param>
/// <param name="Event">The source brand event.</param>
/// <param name="Reason">Why the event was rejected.</param>
/// <param name="Field">The property or field at fault, when known.</param>
/// <param name="RunId">The run that rejected it, when known.</param>
/// <param name="CreatedAt">When the dead letter was stored.</param>
/// <param name="ReplayedAt">When it was marked as replayed; <see langword="null"/> until then.</param>
/// <param name="Message">The explanation from validation or from Mixpanel's <c>failed_records</c>, when known.</param>
public sealed record DeadLetter(
    long Id,
    string BrandId,
    long Sequence,
    BrandEvent Event,
    string Reason,
    string? Field,
    string? RunId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReplayedAt,
    string? Message = null);
