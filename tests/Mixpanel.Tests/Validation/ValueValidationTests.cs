using System.Text;
using System.Text.Json;
using static MixpanelSync.Mixpanel.Tests.TestEvents;

namespace MixpanelSync.Mixpanel.Tests.Validation;

public sealed class ValueValidationTests
{
    [Fact]
    public void Validate_StringOf255Characters_IsUnchanged()
    {
        var text = new string('a', 255);

        var (result, json, _) = PreparedJson.Write(Create(properties: [("note", text)]));

        Assert.Equal(ValidationStatus.Valid, result.Status);
        Assert.Equal(text, json.Properties().GetProperty("note").GetString());
    }

    [Fact]
    public void Validate_StringOf256Characters_TruncatesTo255WithWarning()
    {
        var (result, json, _) = PreparedJson.Write(Create(properties: [("raw_page_html", new string('a', 256))]));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(ValidationCode.StringTruncated, warning.Code);
        Assert.Equal("properties.raw_page_html", warning.Field);
        Assert.Equal(new string('a', 255), json.Properties().GetProperty("raw_page_html").GetString());
    }

    [Fact]
    public void Validate_SurrogatePairAcrossTheLimit_CutsBeforeThePair()
    {
        var text = new string('a', 254) + "\U0001F600" + "tail";

        var (_, json, _) = PreparedJson.Write(Create(properties: [("note", text)]));

        Assert.Equal(new string('a', 254), json.Properties().GetProperty("note").GetString());
    }

    [Fact]
    public void Validate_SurrogatePairInsideTheLimit_IsKept()
    {
        var text = new string('a', 253) + "\U0001F600" + "tail";

        var (_, json, _) = PreparedJson.Write(Create(properties: [("note", text)]));

        Assert.Equal(new string('a', 253) + "\U0001F600", json.Properties().GetProperty("note").GetString());
    }

    // Test runners serialize theory data as UTF-8, which would repair these strings before the test sees them,
    // so the cases are a table inside one test.
    [Fact]
    public void Validate_LoneSurrogate_ReplacesWithReplacementCharacter()
    {
        (string Text, string Expected)[] cases =
        [
            ("a\uD800b", "a\uFFFDb"),
            ("\uDC00", "\uFFFD"),
            ("end\uD83D", "end\uFFFD"),
            ("\uDE00\uD83D", "\uFFFD\uFFFD"),
        ];

        foreach (var (text, expected) in cases)
        {
            var (result, json, _) = PreparedJson.Write(Create(properties: [("note", text)]));

            Assert.Equal(ValidationCode.InvalidUtf16Replaced, Assert.Single(result.Warnings).Code);
            Assert.Equal(expected, json.Properties().GetProperty("note").GetString());
        }
    }

    [Fact]
    public void Validate_LoneSurrogatesEverywhere_WritesValidUtf8()
    {
        var mixpanelEvent = Create(
            name: "Bad\uD800Name",
            properties: [("distinct_id", "fan\uDC00"), ("key\uD801", new object?[] { "\uDFFF" })]);

        // PreparedJson decodes with a throwing UTF-8 decoder, so reaching the asserts proves the bytes are valid.
        var (result, json, _) = PreparedJson.Write(mixpanelEvent);

        Assert.Equal(4, result.Warnings.Count);
        Assert.Equal("Bad\uFFFDName", json!.Value.GetProperty("event").GetString());
        Assert.Equal("fan\uFFFD", json.Properties().GetProperty("distinct_id").GetString());
        Assert.Equal("\uFFFD", json.Properties().GetProperty("key\uFFFD")[0].GetString());
    }

    [Fact]
    public void Validate_NonAsciiText_IsWrittenAsUtf8()
    {
        var (_, _, text) = PreparedJson.Write(Create(properties: [("city", "Tromsø 東京")]));

        Assert.Contains("\"city\":\"Tromsø 東京\"", text);
    }

    [Fact]
    public void Validate_PropertyNameOf256Characters_TruncatesWithWarning()
    {
        var name = new string('k', 256);

        var (result, json, _) = PreparedJson.Write(Create(properties: [(name, 1)]));

        Assert.Equal(ValidationCode.PropertyNameTruncated, Assert.Single(result.Warnings).Code);
        Assert.True(json.Properties().TryGetProperty(new string('k', 255), out _));
    }

    [Fact]
    public void Validate_PropertyNameOf255Characters_IsUnchanged()
    {
        var (result, _, _) = PreparedJson.Write(Create(properties: [(new string('k', 255), 1)]));

        Assert.Equal(ValidationStatus.Valid, result.Status);
    }

    public static TheoryData<object> NonFiniteNumbers =>
    [
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, float.NaN, float.NegativeInfinity,
    ];

    [Theory]
    [MemberData(nameof(NonFiniteNumbers))]
    public void Validate_NonFiniteNumber_RejectsNamingTheField(object number)
    {
        var (result, _, _) = PreparedJson.Write(Create(properties: [("watched_seconds", number)]));

        Assert.Equal(ValidationCode.NonFiniteNumber, result.Rejection!.Code);
        Assert.Equal("properties.watched_seconds", result.Rejection.Field);
    }

    [Fact]
    public void Validate_NonFiniteNumberInNestedList_NamesTheElement()
    {
        var scores = new List<KeyValuePair<string, object?>> { Member("values", new object?[] { 1.0, double.NaN }) };

        var (result, _, _) = PreparedJson.Write(Create(properties: [("scores", scores)]));

        Assert.Equal("properties.scores.values[1]", result.Rejection!.Field);
    }

    [Fact]
    public void Validate_JsonNumberOverflowingDouble_Rejects()
    {
        using var document = JsonDocument.Parse("""{"big": 1e999}""");

        var (result, _, _) = PreparedJson.Write(Create(properties: [("big", document.RootElement.GetProperty("big"))]));

        Assert.Equal(ValidationCode.NonFiniteNumber, result.Rejection!.Code);
    }

    [Fact]
    public void Validate_JsonElementWithInvalidUtf8_WritesReplacementCharacter()
    {
        byte[] json = [.. "{\"s\":\"a"u8, 0xFF, .. "b\"}"u8];
        using var document = JsonDocument.Parse(json);

        var (result, written, _) = PreparedJson.Write(
            Create(properties: [("s", document.RootElement.GetProperty("s"))]));

        Assert.True(result.IsAccepted);
        Assert.Equal("a\uFFFDb", written.Properties().GetProperty("s").GetString());
    }

    [Fact]
    public void Validate_JsonElementWithEscapedLoneSurrogate_WritesReplacementCharacter()
    {
        using var document = JsonDocument.Parse("""{"s": "x\ud800y", "t": 1709993100}""");
        var root = document.RootElement;

        var (result, written, _) = PreparedJson.Write(
            Create(properties: [("s", root.GetProperty("s")), ("time", root.GetProperty("t"))]));

        Assert.Equal("x\uFFFDy", written.Properties().GetProperty("s").GetString());
        Assert.Equal(Time, result.Time);
    }

    [Fact]
    public void Validate_JsonElementObject_IsCopiedWithItsStructure()
    {
        using var document = JsonDocument.Parse(
            """{"device": {"os": "ios", "tags": ["a", "b"], "n": 1.5, "ok": true, "none": null}}""");

        var (_, written, _) = PreparedJson.Write(
            Create(properties: [("device", document.RootElement.GetProperty("device"))]));

        var device = written.Properties().GetProperty("device");
        Assert.Equal("ios", device.GetProperty("os").GetString());
        Assert.Equal(2, device.GetProperty("tags").GetArrayLength());
        Assert.Equal(1.5, device.GetProperty("n").GetDouble());
        Assert.True(device.GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Null, device.GetProperty("none").ValueKind);
    }

    [Fact]
    public void Validate_UnsupportedValueType_RejectsNamingTheType()
    {
        var (result, _, _) = PreparedJson.Write(Create(properties: [("handle", new Uri("https://example.com"))]));

        Assert.Equal(ValidationCode.UnsupportedValueType, result.Rejection!.Code);
        Assert.Contains("System.Uri", result.Rejection.Message);
    }

    [Fact]
    public void Validate_ScalarTypes_AreWrittenAsJson()
    {
        var guid = Guid.Parse("0f3c2b1a-9d8e-7f6a-5b4c-3d2e1f0a9b8c");

        var (_, json, _) = PreparedJson.Write(Create(properties:
        [
            ("small", (short)3), ("unsigned", 7u), ("huge", ulong.MaxValue), ("price", 19.99m), ("ratio", 0.25f),
            ("when", new DateTimeOffset(2024, 3, 9, 15, 5, 0, TimeSpan.FromHours(1))), ("id", guid),
            ("grade", 'A'), ("kind", DayOfWeek.Friday), ("none", null),
        ]));

        var properties = json.Properties();
        Assert.Equal(3, properties.GetProperty("small").GetInt32());
        Assert.Equal(ulong.MaxValue, properties.GetProperty("huge").GetUInt64());
        Assert.Equal(19.99m, properties.GetProperty("price").GetDecimal());
        Assert.Equal("0.25", properties.GetProperty("ratio").GetRawText());
        Assert.Equal("2024-03-09T14:05:00", properties.GetProperty("when").GetString());
        Assert.Equal(guid.ToString(), properties.GetProperty("id").GetString());
        Assert.Equal("A", properties.GetProperty("grade").GetString());
        Assert.Equal("Friday", properties.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, properties.GetProperty("none").ValueKind);
    }

    [Fact]
    public void Validate_EventWithoutIp_AddsIpZero()
    {
        var (_, json, _) = PreparedJson.Write(Create());

        Assert.Equal(0, json.Properties().GetProperty("ip").GetInt32());
    }

    [Fact]
    public void Validate_EventWithUserIp_KeepsIt()
    {
        var (_, json, text) = PreparedJson.Write(Create(properties: [("ip", "203.0.113.7")]));

        Assert.Equal("203.0.113.7", json.Properties().GetProperty("ip").GetString());
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "\"ip\":"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_EventWithBlankIp_SendsIpZero(string? ip)
    {
        var (_, json, _) = PreparedJson.Write(Create(properties: [("ip", ip)]));

        Assert.Equal(0, json.Properties().GetProperty("ip").GetInt32());
    }

    [Fact]
    public void Validate_TrackEvent_AddsProjectToken()
    {
        var (_, json, _) = PreparedJson.Write(
            Create(),
            endpoint: MixpanelIngestionEndpoint.Track,
            projectToken: "tok-123");

        Assert.Equal("tok-123", json.Properties().GetProperty("token").GetString());
    }

    [Fact]
    public void Validate_ImportEvent_AddsNoToken()
    {
        var (_, json, _) = PreparedJson.Write(Create(), projectToken: "tok-123");

        Assert.False(json.Properties().TryGetProperty("token", out _));
    }

    [Fact]
    public void Validate_Line_EndsWithSingleLineFeed()
    {
        var (result, _, text) = PreparedJson.Write(Create());

        Assert.EndsWith("}\n", text);
        Assert.Equal(Encoding.UTF8.GetByteCount(text) - 1, result.ByteCount);
        Assert.DoesNotContain('\n', text[..^1]);
    }
}
