using MixpanelSync.Events.Schema;

namespace MixpanelSync.Events.Tests.Schema;

public sealed class BrandEventParserTests
{
    private readonly BrandEventParser _parser = SampleEvents.CreateParser();

    [Fact]
    public void ParseBatch_DocumentedExample_ReadsEveryField()
    {
        const string json = """
            [{"event_id":"e-1","type":"video_view","occurred_at":"2026-05-01T10:00:00Z","user_id":"u1",
              "device_id":"d1","session_id":"s1",
              "context":{"os":"iOS","app_version":"5.2","device_model":"iPhone15,2","country":"DE","ip":"203.0.113.9"},
              "properties":{"video_id":"v9","watch_time_ms":12000,"duration_ms":30000}}]
            """;

        var result = _parser.ParseBatch(json);

        Assert.Empty(result.Errors);
        var brandEvent = Assert.Single(result.Events);
        Assert.Equal("e-1", brandEvent.EventId);
        Assert.Equal(BrandEventTypes.VideoView, brandEvent.Type);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero), brandEvent.OccurredAt);
        Assert.Equal("u1", brandEvent.UserId);
        Assert.Equal("d1", brandEvent.DeviceId);
        Assert.Equal("s1", brandEvent.SessionId);
        Assert.Equal(
            new BrandEventContext
            {
                Os = "iOS",
                AppVersion = "5.2",
                DeviceModel = "iPhone15,2",
                Country = "DE",
                Ip = "203.0.113.9",
            },
            brandEvent.Context);
        Assert.Equal("v9", brandEvent.Properties["video_id"]);
        Assert.Equal(12000L, brandEvent.Properties["watch_time_ms"]);
        Assert.Equal(30000L, brandEvent.Properties["duration_ms"]);
    }

    [Theory]
    [MemberData(nameof(SampleEvents.AllTypes), MemberType = typeof(SampleEvents))]
    public void ParseBatch_SampleOfEveryType_IsAccepted(string type)
    {
        var result = _parser.ParseBatch($"[{SampleEvents.Json(type)}]");

        Assert.Empty(result.Errors);
        Assert.Equal(type, Assert.Single(result.Events).Type);
    }

    [Fact]
    public void ParseBatch_InvalidEventBetweenValidOnes_KeepsTheValidOnes()
    {
        var first = SampleEvents.Json(BrandEventTypes.Like, "e-1");
        var invalid = SampleEvents.Json(BrandEventTypes.Like, "e-2")
            .Replace("\"v9\"", "true", StringComparison.Ordinal);
        var third = SampleEvents.Json(BrandEventTypes.Like, "e-3");
        var json = $"[{first},{invalid},{third}]";

        var result = _parser.ParseBatch(json);

        Assert.Equal(["e-1", "e-3"], result.Events.Select(e => e.EventId));
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Index);
        Assert.Equal("e-2", error.EventId);
        Assert.Equal("properties.target_id", error.Field);
        Assert.Contains("true", error.Reason, StringComparison.Ordinal);
        Assert.Equal(3, result.Count);
        Assert.Equal(1, result.RejectedCount);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"event_id\":\"e-1\"}")]
    [InlineData("42")]
    [InlineData("")]
    public void ParseBatch_UnreadableBatch_ReturnsOneErrorWithoutThrowing(string json)
    {
        var result = _parser.ParseBatch(json);

        Assert.Empty(result.Events);
        var error = Assert.Single(result.Errors);
        Assert.Equal(-1, error.Index);
        Assert.Contains("JSON array", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseBatch_WrappedInEventsObject_ReadsTheArray()
    {
        var result = _parser.ParseBatch($"{{\"events\":[{SampleEvents.Json(BrandEventTypes.Like)}]}}");

        Assert.Single(result.Events);
    }

    [Fact]
    public void ParseNdjson_BadLine_KeepsOtherLines()
    {
        var text = string.Join('\n',
            SampleEvents.Json(BrandEventTypes.Like, "e-1").ReplaceLineEndings(""),
            "{not json",
            "",
            SampleEvents.Json(BrandEventTypes.Like, "e-3").ReplaceLineEndings(""));

        var result = _parser.ParseNdjson(new StringReader(text));

        Assert.Equal(["e-1", "e-3"], result.Events.Select(e => e.EventId));
        Assert.Equal(1, Assert.Single(result.Errors).Index);
        Assert.Equal(3, result.Count);
    }

    public static TheoryData<string> NdjsonBodies => new()
    {
        "\uFEFF" + Like("e-1") + "\r\n" + Like("e-2") + "\r\n",
        Like("e-1") + "\n\n   \n{not json\n" + Like("e-3"),
        Like("e-1") + "\r" + Like("e-2"),
        "\u00a0\n" + Like("e-1") + "\n\u00e9{}\n",
        Like("e-1").Replace("e-1", "e-\u00e9", StringComparison.Ordinal) + "\n[1, 2]",
        "",
    };

    [Theory]
    [MemberData(nameof(NdjsonBodies))]
    public void ParseNdjson_Bytes_MatchesTextResult(string body)
    {
        var fromText = _parser.ParseNdjson(new StringReader(body.TrimStart('\uFEFF')));

        var fromBytes = _parser.ParseNdjson(System.Text.Encoding.UTF8.GetBytes(body));

        Assert.Equal(fromText.Count, fromBytes.Count);
        Assert.Equal(fromText.Events.Select(e => e.EventId), fromBytes.Events.Select(e => e.EventId));
        Assert.Equal(fromText.Errors.Select(e => e.Index), fromBytes.Errors.Select(e => e.Index));
        Assert.Equal(fromText.Errors.Select(e => e.Field), fromBytes.Errors.Select(e => e.Field));
    }

    [Fact]
    public void ParseNdjson_InvalidUtf8_ParsesLikeReplacedText()
    {
        var json = Like("e-1");
        var cut = json.IndexOf("e-1", StringComparison.Ordinal) + 3;
        byte[] line =
        [
            .. System.Text.Encoding.UTF8.GetBytes(json[..cut]),
            0xFF,
            .. System.Text.Encoding.UTF8.GetBytes(json[cut..]),
        ];

        var fromBytes = _parser.ParseNdjson(line);
        var fromText = _parser.ParseNdjson(new StringReader(System.Text.Encoding.UTF8.GetString(line)));

        Assert.Equal("e-1\uFFFD", Assert.Single(fromBytes.Events).EventId);
        Assert.Equal(fromText.Events.Select(e => e.EventId), fromBytes.Events.Select(e => e.EventId));
        Assert.Empty(fromBytes.Errors);
    }

    private static string Like(string eventId) =>
        SampleEvents.Json(BrandEventTypes.Like, eventId).ReplaceLineEndings("");

    [Theory]
    [InlineData("\"2026-05-01T12:00:00+02:00\"", 1777629600000L)]
    [InlineData("1777629600", 1777629600000L)]
    [InlineData("1777629600.5", 1777629600500L)]
    [InlineData("1777629600000", 1777629600000L)]
    [InlineData("1777629600000000", 1777629600000L)]
    public void ParseBatch_OccurredAtInSupportedForms_NormalisesToSameInstant(string occurredAt, long expectedMs)
    {
        var result = _parser.ParseBatch($"[{WithField("occurred_at", occurredAt)}]");

        Assert.Empty(result.Errors);
        Assert.Equal(expectedMs, Assert.Single(result.Events).OccurredAt.ToUnixTimeMilliseconds());
    }

    [Theory]
    [InlineData("occurred_at", "\"not-a-date\"", "occurred_at", "'not-a-date' is not a timestamp")]
    [InlineData("occurred_at", "\"2026-05-01T10:00:00\"", "occurred_at", "has no UTC offset")]
    [InlineData("occurred_at", "86400", "occurred_at", "86400 is not a plausible number")]
    [InlineData("occurred_at", "\"1970-06-01T00:00:00Z\"", "occurred_at", "before 1971-01-01")]
    [InlineData("occurred_at", "\"2026-05-01T13:30:00Z\"", "occurred_at", "more than 1 hour after")]
    [InlineData("occurred_at", "null", "occurred_at", "occurred_at is missing")]
    [InlineData("event_id", "null", "event_id", "event_id is missing")]
    [InlineData("event_id", "\"  \"", "event_id", "event_id is blank")]
    [InlineData("type", "\"video_watch\"", "type", "'video_watch' is not an event type")]
    [InlineData("session_id", "{}", "session_id", "must be a string, but is a JSON object")]
    [InlineData("context", "{\"country\":\"Germany\"}", "context.country", "'Germany' is not an ISO 3166-1")]
    [InlineData("context", "{\"ip\":\"999.1.1.1\"}", "context.ip", "'999.1.1.1' is not an IPv4 or IPv6")]
    [InlineData("context", "{\"ip\":\"1\"}", "context.ip", "'1' is not an IPv4 or IPv6")]
    [InlineData("context", "{\"platform\":\"ios\"}", "context.platform", "'platform' is not a context field")]
    [InlineData("context", "[]", "context", "must be a JSON object")]
    [InlineData("extra", "1", "extra", "'extra' is not a field of a brand event")]
    [InlineData("properties", "{\"watch_time_ms\":1}", "properties.video_id", "properties.video_id is missing")]
    [InlineData("properties", """{"video_id":"v","watch_time_ms":-5}""", "properties.watch_time_ms", "but is -5")]
    [InlineData("properties", """{"video_id":"v","watch_time_ms":1.5}""", "properties.watch_time_ms", "whole number")]
    [InlineData(
        "properties", """{"video_id":"v","watch_time_ms":1,"duration_ms":0}""", "properties.duration_ms", "Omit")]
    [InlineData(
        "properties", """{"video_id":"v","watch_time_ms":1,"player":{"a":1}}""", "properties.player", "Flatten")]
    [InlineData("properties", """{"video_id":"v","watch_time_ms":1,"tags":[[1]]}""", "properties.tags", "or lists")]
    [InlineData("properties", "\"v9\"", "properties", "must be a JSON object")]
    public void ParseBatch_InvalidField_RejectsEventNamingFieldAndValue(
        string field,
        string value,
        string expectedField,
        string expectedReason)
    {
        var result = _parser.ParseBatch($"[{WithField(field, value)}]");

        Assert.Empty(result.Events);
        var error = Assert.Single(result.Errors, e => e.Field == expectedField);
        Assert.Equal(0, error.Index);
        Assert.Contains(expectedReason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"product_id":"p","price":5}""", "properties.currency", "requires it")]
    [InlineData("""{"product_id":"p","price":5,"currency":"EURO"}""", "properties.currency", "'EURO' is not an ISO")]
    [InlineData("""{"product_id":"p","price":"5,00","currency":"EUR"}""", "properties.price", "such as 19.99")]
    public void ParseBatch_InvalidCommerceProperties_RejectsEvent(
        string properties,
        string expectedField,
        string expectedReason)
    {
        var json = SampleEvents.Json(BrandEventTypes.ProductView)
            .Replace("""{"product_id":"sku-1","price":19.99,"currency":"EUR"}""", properties, StringComparison.Ordinal);

        var result = _parser.ParseBatch($"[{json}]");

        Assert.Empty(result.Events);
        var error = Assert.Single(result.Errors);
        Assert.Equal(expectedField, error.Field);
        Assert.Contains(expectedReason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseBatch_FollowWithoutTarget_RequiresCreatorOrContent()
    {
        var json = SampleEvents.Json(BrandEventTypes.Follow)
            .Replace("""{"creator_id":"creator-3"}""", "{}", StringComparison.Ordinal);

        var result = _parser.ParseBatch($"[{json}]");

        var error = Assert.Single(result.Errors);
        Assert.Contains(
            "at least one of properties.creator_id, properties.content_id",
            error.Reason,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ParseBatch_LowerCaseCodes_AreNormalised()
    {
        var json = SampleEvents.Json(BrandEventTypes.Purchase)
            .Replace("\"EUR\"", "\"eur\"", StringComparison.Ordinal)
            .Replace("\"DE\"", "\"de\"", StringComparison.Ordinal);

        var brandEvent = Assert.Single(_parser.ParseBatch($"[{json}]").Events);

        Assert.Equal("EUR", brandEvent.Properties["currency"]);
        Assert.Equal("DE", brandEvent.Context.Country);
        Assert.Equal(39.98m, brandEvent.Properties["amount"]);
    }

    [Theory]
    [InlineData("undefined")]
    [InlineData("NULL")]
    [InlineData("0")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void ParseBatch_PlaceholderUserIdWithDevice_DropsUserIdWithWarning(string placeholder)
    {
        var result = _parser.ParseBatch($"[{WithField("user_id", $"\"{placeholder}\"")}]");

        var brandEvent = Assert.Single(result.Events);
        Assert.Null(brandEvent.UserId);
        Assert.Equal("d1", brandEvent.DeviceId);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("user_id", warning.Field);
        Assert.Contains(placeholder, warning.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseBatch_NoUsableIdentity_RejectsEvent()
    {
        var json = WithField("user_id", "\"anonymous\"").Replace("\"device_id\":\"d1\",", "", StringComparison.Ordinal);

        var result = _parser.ParseBatch($"[{json}]");

        Assert.Empty(result.Events);
        var error = Assert.Single(result.Errors);
        Assert.Contains("neither a usable user_id nor device_id", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseBatch_NumericIds_AreReadAsText()
    {
        var json = WithField("user_id", "12345").Replace("\"e-1\"", "77", StringComparison.Ordinal);

        var brandEvent = Assert.Single(_parser.ParseBatch($"[{json}]").Events);

        Assert.Equal("12345", brandEvent.UserId);
        Assert.Equal("77", brandEvent.EventId);
    }

    [Fact]
    public void ParseBatch_CustomProperties_KeepsScalarsAndLists()
    {
        var json = SampleEvents.Json(BrandEventTypes.Like).Replace(
            "\"target_type\":\"video\"",
            "\"target_type\":\"video\",\"campaign\":\"spring\",\"score\":4.5,\"vip\":true," +
            "\"tags\":[\"a\",1],\"none\":null",
            StringComparison.Ordinal);

        var properties = Assert.Single(_parser.ParseBatch($"[{json}]").Events).Properties;

        Assert.Equal("spring", properties["campaign"]);
        Assert.Equal(4.5m, properties["score"]);
        Assert.Equal(true, properties["vip"]);
        Assert.Equal(new List<object?> { "a", 1L }, properties["tags"]);
        Assert.Null(properties["none"]);
    }

    [Fact]
    public void ParseBatch_SeveralProblems_ReportsEachOne()
    {
        var json = """[{"type":"like","occurred_at":"yesterday","properties":{}}]""";

        var result = _parser.ParseBatch(json);

        Assert.Equal(
            ["event_id", "occurred_at", "properties.target_id", "user_id"],
            result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("occurred_at", "1e400")]
    [InlineData("occurred_at", "-1e400")]
    [InlineData("occurred_at", "\"9999-12-31T23:59:59+14:00\"")]
    [InlineData("occurred_at", "\"0001-01-01T00:00:00-14:00\"")]
    [InlineData("event_id", "1e400")]
    [InlineData("user_id", "123456789012345678901234567890")]
    [InlineData("properties", "{\"video_id\":\"v\",\"watch_time_ms\":1e400}")]
    [InlineData("properties", "{\"video_id\":\"v\",\"watch_time_ms\":99999999999999999999999}")]
    [InlineData("properties", "{\"video_id\":\"v\",\"watch_time_ms\":1,\"x\":1e400}")]
    [InlineData("context", "{\"ip\":\"::ffff:999.0.0.1\"}")]
    public void ParseBatch_ExtremeValues_ReturnsErrorsWithoutThrowing(string field, string value)
    {
        var result = _parser.ParseBatch($"[{WithField(field, value)}]");

        Assert.Equal(1, result.Count);
        Assert.Equal(1, result.Events.Count + result.RejectedCount);
    }

    [Fact]
    public void ParseBatch_InfiniteCustomNumber_RejectsEvent()
    {
        var result = _parser.ParseBatch(
            $"[{WithField("properties", """{"video_id":"v","watch_time_ms":1,"x":1e400}""")}]");

        Assert.Empty(result.Events);
        Assert.Equal("properties.x", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void ParseBatch_DeeplyNestedJson_ReturnsErrorWithoutThrowing()
    {
        var depth = BrandEventParser.MaxJsonDepth + 10;
        var json = "[" + new string('[', depth) + new string(']', depth) + "]";

        var result = _parser.ParseBatch(json);

        Assert.Equal(-1, Assert.Single(result.Errors).Index);
    }

    /// <summary>Returns the sample video view with one top-level field set to the given JSON.</summary>
    private static string WithField(string field, string json)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(SampleEvents.Json(BrandEventTypes.VideoView))!.AsObject();
        document[field] = System.Text.Json.Nodes.JsonNode.Parse(json);
        return document.ToJsonString();
    }
}
