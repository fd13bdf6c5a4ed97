namespace MixpanelSync.Events.Storage;

/// <summary>What the retention policy may delete for one brand.</summary>
/// <param name="MaxAge">How long an event is kept after it was stored, once it is pushed or will never be.</param>
/// <param name="ConnectedAt">
/// When the brand connected its Mixpanel project. Events that occurred before it are never pushed by a scheduled
/// run; <see langword="null"/> when the brand never connected.
/// </param>
/// <param name="Disconnected">Whether the brand is disconnected, so that none of its events will be pushed.</param>
public sealed record RetentionRule(TimeSpan MaxAge, DateTimeOffset? ConnectedAt, bool Disconnected);
