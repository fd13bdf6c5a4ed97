using MixpanelSync.Events.Schema;

namespace MixpanelSync.Events.Tests.Schema;

/// <summary>One valid ingestion JSON event for every type of the schema.</summary>
internal static class SampleEvents
{
    public static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> PropertiesByType = new()
    {
        [BrandEventTypes.ContentImpression] =
            """{"content_id":"c1","content_type":"video","surface":"feed","position":3}""",
        [BrandEventTypes.VideoView] = """{"video_id":"v9","watch_time_ms":12000,"duration_ms":30000}""",
        [BrandEventTypes.Like] = """{"target_id":"v9","target_type":"video"}""",
        [BrandEventTypes.Share] = """{"target_id":"v9","channel":"whatsapp"}""",
        [BrandEventTypes.Comment] = """{"target_id":"v9","comment_id":"c7","length_chars":42}""",
        [BrandEventTypes.Follow] = """{"creator_id":"creator-3"}""",
        [BrandEventTypes.CommunityJoin] = """{"community_id":"runners","source":"invite"}""",
        [BrandEventTypes.CommunityLeave] = """{"community_id":"runners"}""",
        [BrandEventTypes.CommunityPost] = """{"community_id":"runners","post_id":"p1","post_type":"question"}""",
        [BrandEventTypes.CommunityPollVote] = """{"community_id":"runners","poll_id":"poll-1","option_id":"b"}""",
        [BrandEventTypes.CommunityBadge] =
            """{"community_id":"runners","badge_name":"Marathoner","badge_class":"gold"}""",
        [BrandEventTypes.ProductView] = """{"product_id":"sku-1","price":19.99,"currency":"EUR"}""",
        [BrandEventTypes.AddToCart] = """{"product_id":"sku-1","quantity":2,"price":19.99,"currency":"EUR"}""",
        [BrandEventTypes.Purchase] =
            """{"order_id":"o-1","amount":39.98,"currency":"EUR","product_ids":["sku-1","sku-2"],"item_count":2}""",
    };

    public static IEnumerable<object[]> AllTypes() =>
        EventSchema.Types.Select(definition => new object[] { definition.Type });

    /// <summary>Returns a valid event of the type with the given id.</summary>
    public static string Json(string type, string eventId = "e-1") =>
        $$"""
        {"event_id":"{{eventId}}","type":"{{type}}","occurred_at":"2026-05-01T10:00:00Z","user_id":"u1",
         "device_id":"d1","session_id":"s1",
         "context":{"os":"iOS","app_version":"5.2","device_model":"iPhone15,2","country":"DE","ip":"203.0.113.9"},
         "properties":{{PropertiesByType[type]}}}
        """;

    /// <summary>Parses one sample event, which must be valid.</summary>
    public static BrandEvent Parse(string type, string eventId = "e-1") =>
        Assert.Single(CreateParser().ParseBatch($"[{Json(type, eventId)}]").Events);

    public static BrandEventParser CreateParser() =>
        new(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now));
}
