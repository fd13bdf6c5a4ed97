namespace MixpanelSync.Events.Storage;

/// <summary>An event that our validation or Mixpanel rejected, to be kept as a dead letter.</summary>
/// <param name="Sequence">The event's sequence number in the store.</param>
/// <param name="Event">The source brand event.</param>
/// <param name="Reason">Why the event was rejected, as a short stable phrase such as <c>time out of range</c>.</param>
/// <param name="Field">The property or field at fault, when known.</param>
/// <param name="RunId">The run that rejected it, when known.</param>
/// <param name="Message">The explanation from validation or from Mixpanel's <c>failed_records</c>, when known.</param>
public sealed record RejectedEvent(
    long Sequence,
    BrandEvent Event,
    string Reason,
    string? Field,
    string? RunId,
    string? Message = null);
