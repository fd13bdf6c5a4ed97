using MixpanelSync.Events.Profiles;

namespace MixpanelSync.Events.Tests.Profiles;

public sealed class UserProfileBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_MixedEvents_DerivesTotalsMembershipsAndDates()
    {
        BrandEvent[] events =
        [
            NewEvent("e5", 5, BrandEventTypes.CommunityLeave, ("community_id", "runners")),
            NewEvent("e1", 1, BrandEventTypes.CommunityJoin, ("community_id", "runners")),
            NewEvent("e2", 2, BrandEventTypes.CommunityJoin, ("community_id", "cyclists")),
            NewEvent("e3", 3, BrandEventTypes.VideoView, ("video_id", "v1"), ("watch_time_ms", 1500L)),
            NewEvent("e4", 4, BrandEventTypes.VideoView, ("video_id", "v2"), ("watch_time_ms", 2500L)),
            NewEvent("e6", 6, BrandEventTypes.Purchase, ("order_id", "o1"), ("product_id", "a")),
            NewEvent("e7", 6, BrandEventTypes.Purchase, ("order_id", "o1"), ("product_id", "b")),
            NewEvent("e8", 7, BrandEventTypes.Purchase, ("order_id", "o2")) with
            {
                Context = new BrandEventContext { Os = "Android", Country = "FR" },
            },
        ];

        var profile = Assert.Single(UserProfileBuilder.Build(events));
        var set = profile.Set.ToDictionary(p => p.Key, p => p.Value);
        var setOnce = profile.SetOnce.ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal("u1", profile.DistinctId);
        Assert.Equal("2026-04-01T09:00:00", setOnce["first_seen"]);
        Assert.Equal("2026-04-01T15:00:00", set["last_seen"]);
        Assert.Equal(new List<object?> { "cyclists" }, set["communities"]);
        Assert.Equal(4000L, set["total_watch_time_ms"]);
        Assert.Equal(2L, set["purchases_count"]);
        Assert.Equal("Android", set["$os"]);
        Assert.Equal("5.2", set["$app_version_string"]);
        Assert.Equal("FR", set["mp_country_code"]);
    }

    [Fact]
    public void Build_AnonymousAndSeveralUsers_MakesOneProfilePerUserId()
    {
        BrandEvent[] events =
        [
            NewEvent("a", 1, BrandEventTypes.Like, ("target_id", "x")) with { UserId = "u2" },
            NewEvent("b", 1, BrandEventTypes.Like, ("target_id", "x")) with { UserId = null },
            NewEvent("c", 1, BrandEventTypes.Like, ("target_id", "x")),
        ];

        var profiles = UserProfileBuilder.Build(events);

        Assert.Equal(["u1", "u2"], profiles.Select(p => p.DistinctId));
    }

    private static BrandEvent NewEvent(
        string eventId,
        int hour,
        string type,
        params (string Name, object? Value)[] properties) => new()
        {
            EventId = eventId,
            Type = type,
            OccurredAt = Start.AddHours(hour),
            UserId = "u1",
            DeviceId = "d1",
            Context = new BrandEventContext { Os = "iOS", AppVersion = "5.2" },
            Properties = properties.ToDictionary(p => p.Name, p => p.Value),
        };
}
