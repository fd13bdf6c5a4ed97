using static MixpanelSync.Mixpanel.Tests.TestEvents;

namespace MixpanelSync.Mixpanel.Tests.Validation;

public sealed class LimitValidationTests
{
    // distinct_id, time, $insert_id and ip, so that the added 'ip' does not change the count.
    private const int ReservedCount = 4;

    private static MixpanelEvent EventWithPropertyCount(int total)
    {
        var extra = Enumerable.Range(0, total - ReservedCount).Select(i => ($"p{i:D3}", (object?)i));
        return Create(properties: [("ip", "203.0.113.7"), .. extra]);
    }

    private static List<KeyValuePair<string, object?>> Nest(int depth)
    {
        var innermost = new List<KeyValuePair<string, object?>> { Member("value", 17) };
        for (var level = depth; level > 1; level--)
        {
            innermost = [Member($"level{level}", innermost)];
        }

        return innermost;
    }

    [Theory]
    [InlineData(253)]
    [InlineData(254)]
    public void Validate_FewerThan255Properties_IsValid(int count)
    {
        var (result, json, _) = PreparedJson.Write(EventWithPropertyCount(count));

        Assert.Equal(ValidationStatus.Valid, result.Status);
        Assert.Equal(count, json.Properties().EnumerateObject().Count());
    }

    [Theory]
    [InlineData(255)]
    [InlineData(256)]
    public void Validate_255OrMoreProperties_Rejects(int count)
    {
        var (result, _, _) = PreparedJson.Write(EventWithPropertyCount(count));

        Assert.Equal(ValidationCode.TooManyProperties, result.Rejection!.Code);
        Assert.Contains(count.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Rejection.Message);
    }

    [Fact]
    public void Validate_254PropertiesWithoutIp_RejectsBecauseIpIsAdded()
    {
        var extra = Enumerable.Range(0, 251).Select(i => ($"p{i:D3}", (object?)i));

        var (result, _, _) = PreparedJson.Write(Create(properties: [.. extra]));

        Assert.Equal(ValidationCode.TooManyProperties, result.Rejection!.Code);
    }

    [Fact]
    public void Validate_ObjectWith254Keys_IsValid()
    {
        var (result, json, _) = PreparedJson.Write(Create(properties: [("raw_player_state", NumberedMembers(254))]));

        Assert.Equal(ValidationStatus.Valid, result.Status);
        Assert.Equal(254, json.Properties().GetProperty("raw_player_state").EnumerateObject().Count());
    }

    [Theory]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(300)]
    public void Validate_ObjectWith255OrMoreKeys_RejectsNamingTheField(int keys)
    {
        var (result, _, _) = PreparedJson.Write(Create(properties: [("raw_player_state", NumberedMembers(keys))]));

        Assert.Equal(ValidationCode.TooManyObjectKeys, result.Rejection!.Code);
        Assert.Equal("properties.raw_player_state", result.Rejection.Field);
    }

    [Fact]
    public void Validate_DictionaryValue_IsWrittenAsObject()
    {
        var device = new Dictionary<string, object?> { ["os"] = "ios", ["version"] = 17 };

        var (_, json, _) = PreparedJson.Write(Create(properties: [("device", device)]));

        Assert.Equal("ios", json.Properties().GetProperty("device").GetProperty("os").GetString());
    }

    [Fact]
    public void Validate_DepthThree_IsValidAndUnchanged()
    {
        var device = new List<KeyValuePair<string, object?>>
        {
            Member("os", new List<KeyValuePair<string, object?>> { Member("version", Nest(1)) }),
        };

        var (result, json, _) = PreparedJson.Write(Create(properties: [("device", device)]));

        Assert.Equal(ValidationStatus.Valid, result.Status);
        var version = json.Properties().GetProperty("device").GetProperty("os").GetProperty("version");
        var value = version.GetProperty("value");
        Assert.Equal(17, value.GetInt32());
    }

    [Fact]
    public void Validate_DepthFour_FlattensIntoDottedKeys()
    {
        var (result, json, _) = PreparedJson.Write(Create(properties: [("device", Nest(4))]));

        Assert.Equal(ValidationStatus.Repaired, result.Status);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(ValidationCode.NestingFlattened, warning.Code);
        Assert.Equal("properties.device.level2.level3", warning.Field);
        var level3 = json.Properties().GetProperty("device").GetProperty("level2").GetProperty("level3");
        Assert.Equal(17, level3.GetProperty("level4.value").GetInt32());
    }

    [Fact]
    public void Validate_DepthSix_FlattensAllDeeperLevels()
    {
        var (_, json, _) = PreparedJson.Write(Create(properties: [("device", Nest(6))]));

        var level3 = json.Properties().GetProperty("device").GetProperty("level2").GetProperty("level3");
        Assert.Equal(17, level3.GetProperty("level4.level5.level6.value").GetInt32());
    }

    [Fact]
    public void Validate_DepthFourUnderRejectPolicy_Rejects()
    {
        var options = new MixpanelValidationOptions { NestingDepthPolicy = NestingDepthPolicy.Reject };

        var (result, _, _) = PreparedJson.Write(Create(properties: [("device", Nest(4))]), options);

        Assert.Equal(ValidationCode.NestingTooDeep, result.Rejection!.Code);
        Assert.Equal("properties.device.level2.level3.level4", result.Rejection.Field);
    }

    [Fact]
    public void Validate_DepthFourWithLargerLimit_IsValid()
    {
        var options = new MixpanelValidationOptions { MaxNestingDepth = 10 };

        var (result, _, _) = PreparedJson.Write(Create(properties: [("device", Nest(4))]), options);

        Assert.Equal(ValidationStatus.Valid, result.Status);
    }

    [Fact]
    public void Validate_ListBelowMaximumDepth_RejectsEvenWhenFlattening()
    {
        var level3 = new List<KeyValuePair<string, object?>> { Member("c", new object?[] { 1 }) };
        var level2 = new List<KeyValuePair<string, object?>> { Member("b", level3) };
        var deep = new List<KeyValuePair<string, object?>> { Member("a", level2) };

        var (result, _, _) = PreparedJson.Write(Create(properties: [("deep", deep)]));

        Assert.Equal(ValidationCode.NestingTooDeep, result.Rejection!.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(253)]
    [InlineData(254)]
    public void Validate_ListWithFewerThan255Elements_IsValid(int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => (object?)$"v-{i}").ToArray();

        var (result, json, _) = PreparedJson.Write(Create(properties: [("recent_video_ids", ids)]));

        Assert.Equal(ValidationStatus.Valid, result.Status);
        Assert.Equal(count, json.Properties().GetProperty("recent_video_ids").GetArrayLength());
    }

    [Theory]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(300)]
    public void Validate_ListWith255OrMoreElements_RejectsNamingTheField(int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => $"v-{i}").ToList();

        var (result, _, _) = PreparedJson.Write(Create(properties: [("recent_video_ids", ids)]));

        Assert.Equal(ValidationCode.ArrayTooLong, result.Rejection!.Code);
        Assert.Equal("properties.recent_video_ids", result.Rejection.Field);
    }

    [Theory]
    [InlineData(255)]
    [InlineData(256)]
    public void Validate_LongListUnderTruncatePolicy_KeepsFirst254(int count)
    {
        var options = new MixpanelValidationOptions { ArrayLengthPolicy = ArrayLengthPolicy.Truncate };
        var numbers = Enumerable.Range(0, count).ToArray();

        var (result, json, _) = PreparedJson.Write(Create(properties: [("numbers", numbers)]), options);

        Assert.Equal(ValidationCode.ArrayTruncated, Assert.Single(result.Warnings).Code);
        var written = json.Properties().GetProperty("numbers");
        Assert.Equal(254, written.GetArrayLength());
        Assert.Equal(253, written[253].GetInt32());
    }

    [Fact]
    public void Validate_EndlessSequence_RejectsWithoutHanging()
    {
        static IEnumerable<int> Forever()
        {
            for (var i = 0; ; i++)
            {
                yield return i;
            }
        }

        var (result, _, _) = PreparedJson.Write(Create(properties: [("endless", Forever())]));

        Assert.Equal(ValidationCode.ArrayTooLong, result.Rejection!.Code);
    }

    [Fact]
    public void Validate_EventJustUnderByteLimit_IsAccepted()
    {
        var (mixpanelEvent, size) = EventOfSize(new MixpanelValidationOptions().MaxEventBytes - 1);

        var (result, _, _) = PreparedJson.Write(mixpanelEvent);

        Assert.True(result.IsAccepted);
        Assert.Equal(size, result.ByteCount);
    }

    [Fact]
    public void Validate_EventAtByteLimit_RejectsAsTooLarge()
    {
        var (mixpanelEvent, _) = EventOfSize(new MixpanelValidationOptions().MaxEventBytes);

        var (result, _, _) = PreparedJson.Write(mixpanelEvent);

        Assert.Equal(ValidationCode.EventTooLarge, result.Rejection!.Code);
    }

    [Fact]
    public void Validate_HugeEvent_RejectsAsTooLarge()
    {
        var block = Enumerable.Range(0, 254).Select(_ => (object?)new string('x', 255)).ToArray();
        var blocks = Enumerable.Range(0, 40).Select(i => ($"block{i:D2}", (object?)block));

        var (result, _, _) = PreparedJson.Write(Create(properties: [.. blocks]));

        Assert.Equal(ValidationCode.EventTooLarge, result.Rejection!.Code);
    }

    // Builds an event whose JSON has exactly the requested size, by filling lists with 255-character strings and
    // then sizing one last string.
    private static (MixpanelEvent Event, int Size) EventOfSize(int size)
    {
        var block = Enumerable.Range(0, 254).Select(_ => (object?)new string('x', 255)).ToArray();
        var options = new MixpanelValidationOptions { MaxEventBytes = 1024 * 1024 };
        var properties = new List<(string, object?)> { ("pad", "") };
        var measured = Measure(properties, options);
        var blockIndex = 0;
        while (measured + (block.Length * 258) + 20 < size)
        {
            properties.Add(($"block{blockIndex++:D2}", block));
            measured = Measure(properties, options);
        }

        for (var count = 0; measured + 258 < size - 40; count++)
        {
            properties.RemoveAll(p => p.Item1 == "tail");
            properties.Add(("tail", block.Take(count).ToArray()));
            measured = Measure(properties, options);
        }

        properties[0] = ("pad", new string('p', size - measured));
        Assert.Equal(size, Measure(properties, options));
        return (Create(properties: [.. properties]), size);
    }

    private static int Measure(List<(string, object?)> properties, MixpanelValidationOptions options)
    {
        var (result, _, _) = PreparedJson.Write(Create(properties: [.. properties]), options);
        Assert.True(result.IsAccepted, result.Rejection?.Message);
        return result.ByteCount;
    }
}
