namespace MixpanelSync.Events.Storage;

/// <summary>What the retention policy may delete for one brand.</summary>
/// <param name="MaxAge">
/// How long events and dead letters are kept after they were stored, once the events are pushed or will never
/// be pushed.
/// </param>
/// <param name="ConnectedAt">
/// When the brand connected its Mixpanel project; scheduled runs never push events that occurred before it.
/// <see langword="null"/> when the brand is not connected (never connected, or disconnected), so that none of its
/// events will be pushed.
/// </param>
public sealed record RetentionRule(TimeSpan MaxAge, DateTimeOffset? ConnectedAt);
