using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.RejectedEvents;

/// <summary>An event that validation or Mixpanel rejected during a run.</summary>
/// <param name="DeadLetterId">The id to pass to a replay.</param>
/// <param name="EventId">The brand's event id.</param>
/// <param name="EventType">The brand event type.</param>
/// <param name="OccurredAt">When the event happened.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="Field">The field at fault, when known.</param>
/// <param name="RunId">The run that rejected it, when known.</param>
/// <param name="RejectedAt">When it was rejected.</param>
/// <param name="ReplayedAt">When it was replayed, or <see langword="null"/>.</param>
/// <param name="Message">
/// The explanation from validation or from Mixpanel's <c>failed_records</c>, or <see langword="null"/> when none
/// was kept.
/// </param>
public sealed record RejectedEventResponse(
    long DeadLetterId,
    string EventId,
    string EventType,
    DateTimeOffset OccurredAt,
    string Reason,
    string? Field,
    string? RunId,
    DateTimeOffset RejectedAt,
    DateTimeOffset? ReplayedAt,
    string? Message)
{
    internal static RejectedEventResponse From(RejectedEventInfo info) => new(
        info.DeadLetterId,
        info.EventId,
        info.EventType,
        info.OccurredAt,
        info.Reason,
        info.Field,
        info.RunId,
        info.RejectedAt,
        info.ReplayedAt,
        info.Message);
}
