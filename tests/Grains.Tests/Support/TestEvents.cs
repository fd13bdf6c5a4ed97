using MixpanelSync.Events;

namespace MixpanelSync.Grains.Tests.Support;

/// <summary>Brand events for the tests, valid or rejected by validation.</summary>
internal static class TestEvents
{
    /// <summary>Creates a valid <c>video_view</c> event.</summary>
    public static BrandEvent VideoView(string eventId, DateTimeOffset occurredAt, string userId) => new()
    {
        EventId = eventId,
        Type = BrandEventTypes.VideoView,
        OccurredAt = occurredAt,
        UserId = userId,
        Properties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["video_id"] = "v-" + eventId,
            ["watch_time_ms"] = 42_000L,
            ["duration_ms"] = 60_000L,
        },
    };

    /// <summary>
    /// Creates an event dated two days ahead, which validation rejects because Mixpanel accepts times at most
    /// one hour ahead.
    /// </summary>
    public static BrandEvent FutureDated(string eventId, DateTimeOffset now, string userId) =>
        VideoView(eventId, now.AddDays(2), userId);

    /// <summary>
    /// Creates events dated now, every <paramref name="invalidEvery"/>th one (from the 8th) future-dated instead.
    /// Valid events are never dated ahead, because Mixpanel moves a future time to the moment it ingests the
    /// event, so that a resend would not be deduplicated.
    /// </summary>
    public static List<SourceEvent> Mixed(int count, int invalidEvery, string idPrefix = "event")
    {
        var now = DateTimeOffset.UtcNow;
        var events = new List<SourceEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var id = $"{idPrefix}-{i}";
            var user = $"user-{i % 97}";
            var invalid = invalidEvery > 0 && i % invalidEvery == 7;
            events.Add(invalid
                ? new SourceEvent(FutureDated(id, now, user), Valid: false)
                : new SourceEvent(VideoView(id, now, user), Valid: true));
        }

        return events;
    }
}

/// <summary>A source event and whether it must reach Mixpanel.</summary>
internal sealed record SourceEvent(BrandEvent Event, bool Valid);
