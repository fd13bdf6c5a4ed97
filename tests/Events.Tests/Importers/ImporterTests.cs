using Microsoft.Extensions.Time.Testing;
using MixpanelSync.Events.Importers;
using MixpanelSync.Events.Mapping;
using MixpanelSync.Events.Schema;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Events.Tests.Importers;

public sealed class ImporterTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Sources => ["kuairand", "otto", "stackexchange"];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Import_SampleData_GivesUniqueIdsAndSchemaValidEvents(string source)
    {
        var events = ImportSample(source);
        var parser = new BrandEventParser(new FakeTimeProvider(Now));
        var json = "[" + string.Join(',', events.Select(BrandEventJson.Serialize)) + "]";

        var parsed = parser.ParseBatch(json);

        Assert.NotEmpty(events);
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        Assert.Empty(parsed.Errors);
        Assert.Empty(parsed.Warnings);
        Assert.Equal(events.Count, parsed.Events.Count);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Import_SampleData_MapsToEventsTheValidatorAccepts(string source)
    {
        var validator = new MixpanelEventValidator(new MixpanelValidationOptions(), new FakeTimeProvider(Now));
        var settings = new BrandMappingSettings
        {
            AllowedCustomProperties = new HashSet<string> { "feed_tab", "tag_based", "vote_type", "bounty_amount" },
        };

        var rejected = ImportSample(source)
            .Select((brandEvent, i) => BrandEventMapper.Map("brand-1", brandEvent, settings, i + 1)!)
            .Select(mapped => validator.Validate(mapped))
            .Where(result => !result.IsAccepted)
            .Select(result => result.Rejection!.Message)
            .ToList();

        Assert.Empty(rejected);
    }

    [Fact]
    public void KuaiRand_SampleFile_GivesViewsAndFlaggedInteractions()
    {
        var events = ImportSample("kuairand");
        var countsByType = events.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(176, countsByType[BrandEventTypes.VideoView]);
        Assert.Equal(1, countsByType[BrandEventTypes.Like]);
        Assert.Equal(2, countsByType[BrandEventTypes.Share]);
        var viewsWithoutLength = events.Count(
            e => e.Type == BrandEventTypes.VideoView && !e.Properties.ContainsKey("duration_ms"));
        Assert.Equal(5, viewsWithoutLength);
        Assert.Contains(events, e => (long)e.Properties.GetValueOrDefault("watch_time_ms", 0L)!
            > (long)e.Properties.GetValueOrDefault("duration_ms", long.MaxValue)!);
    }

    [Fact]
    public void KuaiRand_RowWithEveryFlag_AddsEachInteractionAtTheViewTime()
    {
        const string csv =
            "user_id,video_id,date,hourmin,time_ms,is_click,is_like,is_follow,is_comment,is_forward,is_hate," +
            "long_view,play_time_ms,duration_ms,profile_stay_time,comment_stay_time,is_profile_enter,is_rand,tab\n" +
            "0,42,20220430,1800,1651314030792,1,1,1,1,1,0,1,9000,0,0,0,0,1,1\n";

        var events = KuaiRandImporter.Read(new StringReader(csv)).ToList();

        Assert.Equal(
            ["video_view", "like", "share", "comment", "follow"],
            events.Select(e => e.Type));
        Assert.Equal("kuairand-0-42-1651314030792", events[0].EventId);
        Assert.Equal("kuairand-0-42-1651314030792-like", events[1].EventId);
        Assert.All(events, e => Assert.Equal("kuairand-user-0", e.UserId));
        Assert.All(events, e => Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1651314030792), e.OccurredAt));
        Assert.False(events[0].Properties.ContainsKey("duration_ms"));
        Assert.Equal(9000L, events[0].Properties["watch_time_ms"]);
        Assert.Equal("forward", events[2].Properties["channel"]);
        Assert.Equal("42", events[4].Properties["content_id"]);
    }

    [Fact]
    public void Otto_SampleFile_GivesViewsCartsAndPurchases()
    {
        var events = ImportSample("otto");
        var countsByType = events.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(800, countsByType[BrandEventTypes.ProductView]);
        Assert.Equal(52, countsByType[BrandEventTypes.AddToCart]);
        Assert.Equal(10, countsByType[BrandEventTypes.Purchase]);
        Assert.All(events, e => Assert.Null(e.UserId));
        Assert.All(events, e => Assert.StartsWith("otto-session-", e.DeviceId, StringComparison.Ordinal));
    }

    [Fact]
    public void Otto_OrdersOfOneCheckout_ShareOrderIdButNotEventId()
    {
        const string line =
            """{"session":7,"events":[{"aid":1,"ts":1659370027105,"type":"orders"},""" +
            """{"aid":2,"ts":1659370027105,"type":"orders"},{"aid":1,"ts":1659370099999,"type":"orders"}]}""";

        var events = OttoSessionImporter.Read(new StringReader(line)).ToList();

        Assert.Equal(["otto-7-0", "otto-7-1", "otto-7-2"], events.Select(e => e.EventId));
        Assert.Equal(events[0].Properties["order_id"], events[1].Properties["order_id"]);
        Assert.NotEqual(events[0].Properties["order_id"], events[2].Properties["order_id"]);
        Assert.Equal("2", events[1].Properties["product_id"]);
    }

    [Fact]
    public void Otto_MalformedLine_ThrowsWithLineNumber()
    {
        var exception = Assert.Throws<FormatException>(
            () => OttoSessionImporter.Read(new StringReader("\n{\"session\":1}")).ToList());

        Assert.Contains("Line 2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StackExchange_SampleFiles_SkipSystemAccountAndAnonymousVotes()
    {
        using var users = File.OpenRead(SampleFiles.Path("stackexchange-martialarts", "Users.xml"));
        using var badges = File.OpenRead(SampleFiles.Path("stackexchange-martialarts", "Badges.xml"));
        using var votes = File.OpenRead(SampleFiles.Path("stackexchange-martialarts", "Votes.xml"));

        var joins = StackExchangeImporter.ReadUsers(users, SampleFiles.StackExchangeCommunity).ToList();
        var badgeEvents = StackExchangeImporter.ReadBadges(badges, SampleFiles.StackExchangeCommunity).ToList();
        var likes = StackExchangeImporter.ReadVotes(votes).ToList();

        Assert.Equal(9713, joins.Count);
        Assert.DoesNotContain(joins, e => e.UserId == "se-user--1");
        Assert.Equal("se-join-2", joins[0].EventId);
        Assert.Equal(new DateTimeOffset(2012, 1, 31, 20, 53, 10, 920, TimeSpan.Zero), joins[0].OccurredAt);
        Assert.Equal(15942, badgeEvents.Count);
        Assert.Equal("Autobiographer", badgeEvents[0].Properties["badge_name"]);
        Assert.Equal("bronze", badgeEvents[0].Properties["badge_class"]);
        Assert.Equal(69, likes.Count);
        Assert.All(likes, e => Assert.Equal("bounty_start", e.Properties["vote_type"]));
        Assert.All(
            likes,
            e => Assert.StartsWith("se-post-", (string)e.Properties["target_id"]!, StringComparison.Ordinal));
    }

    internal static List<BrandEvent> ImportSample(string source)
    {
        switch (source)
        {
            case "kuairand":
                using (var reader = File.OpenText(
                    SampleFiles.Path("kuairand-1k-video-sample", "kuairand_1k_log_random_excerpt.csv")))
                {
                    return KuaiRandImporter.Read(reader).ToList();
                }

            case "otto":
                using (var reader = File.OpenText(
                    SampleFiles.Path("otto-ecommerce-sessions", "otto_train_sample.jsonl")))
                {
                    return OttoSessionImporter.Read(reader).ToList();
                }

            default:
                return ImportStackExchange();
        }
    }

    private static List<BrandEvent> ImportStackExchange()
    {
        using var users = File.OpenRead(SampleFiles.Path("stackexchange-martialarts", "Users.xml"));
        using var badges = File.OpenRead(SampleFiles.Path("stackexchange-martialarts", "Badges.xml"));
        using var votes = File.OpenRead(SampleFiles.Path("stackexchange-martialarts", "Votes.xml"));
        return
        [
            .. StackExchangeImporter.ReadUsers(users, SampleFiles.StackExchangeCommunity),
            .. StackExchangeImporter.ReadBadges(badges, SampleFiles.StackExchangeCommunity),
            .. StackExchangeImporter.ReadVotes(votes),
        ];
    }
}
