using System.Globalization;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Benchmarks;

/// <summary>Events shaped like a brand's engagement events: 15 properties and about 440 bytes of JSON each.</summary>
internal static class TypicalEvents
{
    public static readonly DateTimeOffset Now = new(2024, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static MixpanelEvent[] Create(int count)
    {
        var events = new MixpanelEvent[count];
        var start = Now.AddDays(-1).ToUnixTimeMilliseconds();
        for (var i = 0; i < count; i++)
        {
            events[i] = new MixpanelEvent(
                i % 4 == 0 ? "Video Viewed" : "Community Post Liked",
                [
                    new("time", start + (i * 37L)),
                    new("distinct_id", "fan-" + (i % 5000).ToString("D6", CultureInfo.InvariantCulture)),
                    new("$insert_id", InsertIds.Create("brand-0042", "evt-" + i)),
                    new("ip", "203.0.113." + (i % 250)),
                    new("brand_id", "brand-0042"),
                    new("community_id", "community-7f3a9c"),
                    new("video_id", "video-" + (i % 400)),
                    new("video_title", "Behind the scenes: rehearsal day " + (i % 40)),
                    new("duration_seconds", 312 + (i % 60)),
                    new("watched_seconds", 187.5 + (i % 90)),
                    new("is_member", i % 3 == 0),
                    new("platform", i % 2 == 0 ? "ios" : "android"),
                    new("app_version", "5.12." + (i % 9)),
                    new("country", "NO"),
                    new("tags", new object?[] { "music", "live", "tour-2024" }),
                ],
                i);
        }

        return events;
    }
}
