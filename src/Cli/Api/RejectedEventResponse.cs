namespace MixpanelSync.Cli.Api;

/// <summary>
/// An event that validation or Mixpanel rejected during a run. <c>Message</c> is the explanation from validation
/// or from Mixpanel, or null when none was kept.
/// </summary>
internal sealed record RejectedEventResponse(
    long DeadLetterId,
    string EventId,
    string EventType,
    DateTimeOffset OccurredAt,
    string Reason,
    string? Field,
    string? RunId,
    DateTimeOffset RejectedAt,
    DateTimeOffset? ReplayedAt,
    string? Message);
