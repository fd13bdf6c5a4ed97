using System.Text;
using System.Text.Json;
using MixpanelSync.Events.Schema;
using MixpanelSync.Events.Tests.Schema;

namespace MixpanelSync.Events.Tests.Storage;

public sealed class BrandEventJsonTests
{
    public static IEnumerable<object[]> AllTypes() => SampleEvents.AllTypes();

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Deserialize_SampleOfEachType_RoundTrips(string type)
    {
        var json = BrandEventJson.Serialize(SampleEvents.Parse(type));

        AssertRoundTrips(json);
    }

    [Fact]
    public void Deserialize_EscapesAndLongNames_RoundTrips()
    {
        var longName = "custom_" + new string('n', RepeatedStrings.MaxLength + 10);
        var brandEvent = new BrandEvent
        {
            EventId = "e-\"quoted\"\n\u00e9\U0001F600",
            Type = BrandEventTypes.Like,
            OccurredAt = new DateTimeOffset(2026, 3, 29, 1, 30, 0, 123, TimeSpan.FromHours(2)),
            DeviceId = "d/1\\2",
            Context = new BrandEventContext { Os = "i\u00d6S", City = "K\u00f6ln", Ip = "2001:db8::1" },
            Properties = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["target_id"] = "t<1>&",
                ["caf\u00e9 \"name\""] = "v\u2028",
                [longName] = new string('x', 300),
                ["big"] = long.MaxValue,
                ["exact"] = 0.1m,
                ["huge"] = 1e300,
                ["flag"] = false,
                ["missing"] = null,
                ["list"] = new List<object?> { "a", 2L, 2.5m, true, null },
            },
        };

        AssertRoundTrips(BrandEventJson.Serialize(brandEvent));
    }

    [Fact]
    public void Deserialize_ContextAbsentOrEmpty_GivesEmptyContext()
    {
        const string Bare = """{"event_id":"e","type":"like","occurred_at":"2026-05-01T10:00:00Z","user_id":"u"}""";
        const string Empty = """
            {"event_id":"e","type":"like","occurred_at":"2026-05-01T10:00:00Z","user_id":"u","context":{}}
            """;

        Assert.Equal(BrandEventContext.Empty, BrandEventJson.Deserialize(Bare).Context);
        Assert.Equal(BrandEventContext.Empty, BrandEventJson.Deserialize(Empty).Context);
        Assert.Empty(BrandEventJson.Deserialize(Bare).Properties);
    }

    [Fact]
    public void Deserialize_UnknownFields_AreSkipped()
    {
        const string Json = """
            {"later":{"a":[1,{"b":2}]},"event_id":"e","type":"like","occurred_at":"2026-05-01T10:00:00+02:00",
             "context":{"os":"Android","screen":{"w":1}},"user_id":"u","properties":{"target_id":"t"}}
            """;

        var brandEvent = BrandEventJson.Deserialize(Json);

        Assert.Equal("Android", brandEvent.Context.Os);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.FromHours(2)), brandEvent.OccurredAt);
        Assert.Equal("t", brandEvent.Properties["target_id"]);
    }

    [Theory]
    [InlineData("""{"type":"like","occurred_at":"2026-05-01T10:00:00Z"}""", "event_id")]
    [InlineData("""{"event_id":"e","occurred_at":"2026-05-01T10:00:00Z"}""", "type")]
    [InlineData("""{"event_id":"e","type":"like"}""", "occurred_at")]
    public void Deserialize_RequiredFieldMissing_NamesIt(string json, string field)
    {
        var error = Assert.Throws<JsonException>(() => BrandEventJson.Deserialize(json));

        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"event_id":"e","type":"like","occurred_at":"x","properties":{"p":{"nested":1}}}""")]
    public void Deserialize_NotAnEventObject_Throws(string json) =>
        Assert.ThrowsAny<JsonException>(() => BrandEventJson.Deserialize(json));

    [Fact]
    public void Deserialize_SchemaNames_ShareTheSchemaInstances()
    {
        var definition = EventSchema.Find(BrandEventTypes.VideoView)!;
        var json = BrandEventJson.Serialize(SampleEvents.Parse(BrandEventTypes.VideoView));

        var first = BrandEventJson.Deserialize(json);
        var second = BrandEventJson.Deserialize(Encoding.UTF8.GetBytes(json));

        Assert.Same(definition.Type, first.Type);
        var name = Assert.Single(first.Properties.Keys, key => key == "watch_time_ms");
        Assert.Same(definition.FindProperty("watch_time_ms")!.Name, name);
        Assert.Same(first.Context.Os, second.Context.Os);
    }

    [Fact]
    public void ContextFields_MatchTheRecord()
    {
        var fields = typeof(BrandEventContext).GetProperties().Count(property => property.CanWrite);

        Assert.Equal(BrandEventContext.FieldCount, fields);
        Assert.Equal(BrandEventContext.FieldCount, BrandEventContext.FieldNames.Length);
    }

    private static void AssertRoundTrips(string json)
    {
        var fromText = BrandEventJson.Deserialize(json);
        var fromBytes = BrandEventJson.Deserialize(Encoding.UTF8.GetBytes(json));

        Assert.Equal(json, BrandEventJson.Serialize(fromText));
        Assert.Equal(json, BrandEventJson.Serialize(fromBytes));
    }
}
