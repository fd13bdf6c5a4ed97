using Microsoft.Extensions.Time.Testing;
using MixpanelSync.Events.Mapping;
using MixpanelSync.Events.Schema;
using MixpanelSync.Events.Tests.Schema;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Events.Tests.Mapping;

public sealed class BrandEventMapperTests
{
    private const string BrandId = "brand-1";

    private readonly MixpanelEventValidator _validator =
        new(new MixpanelValidationOptions(), new FakeTimeProvider(SampleEvents.Now));

    [Theory]
    [MemberData(nameof(SampleEvents.AllTypes), MemberType = typeof(SampleEvents))]
    public void Map_EveryType_GivesDocumentedNameAndPassesValidation(string type)
    {
        var mapped = Map(SampleEvents.Parse(type));

        Assert.Equal(EventSchema.Find(type)!.MixpanelName, mapped.Name);
        var validation = _validator.Validate(mapped);
        Assert.True(validation.IsAccepted, validation.Rejection?.Message);
        Assert.Equal(ValidationStatus.Valid, validation.Status);
    }

    [Theory]
    [MemberData(nameof(SampleEvents.AllTypes), MemberType = typeof(SampleEvents))]
    public void Map_EveryType_SendsEverySchemaPropertyGiven(string type)
    {
        var brandEvent = SampleEvents.Parse(type);

        var properties = Properties(Map(brandEvent));

        foreach (var (name, value) in brandEvent.Properties)
        {
            Assert.Equal(value, properties[name]);
        }
    }

    [Fact]
    public void Map_VideoView_SendsReservedAndContextProperties()
    {
        var mapped = Map(SampleEvents.Parse(BrandEventTypes.VideoView), sequence: 42);
        var properties = Properties(mapped);

        Assert.Equal(42, mapped.SourceKey);
        Assert.Equal(["time", "distinct_id", "$insert_id"], mapped.Properties.Take(3).Select(p => p.Key));
        Assert.Equal(1777629600000L, properties["time"]);
        Assert.Equal("u1", properties["distinct_id"]);
        Assert.Equal(InsertIds.Create(BrandId, "e-1"), properties["$insert_id"]);
        Assert.Equal("u1", properties["$user_id"]);
        Assert.Equal("d1", properties["$device_id"]);
        Assert.Equal("e-1", properties["event_id"]);
        Assert.Equal("s1", properties["session_id"]);
        Assert.Equal("iOS", properties["$os"]);
        Assert.Equal("5.2", properties["$app_version_string"]);
        Assert.Equal("iPhone15,2", properties["$model"]);
        Assert.Equal("DE", properties["mp_country_code"]);
        Assert.Equal("203.0.113.9", properties["ip"]);
        Assert.Equal(0.4m, properties["completion_ratio"]);
        Assert.Equal(false, properties["completed"]);
    }

    [Theory]
    [InlineData(45000L, 30000L, 1.0, true)]
    [InlineData(30000L, 30000L, 1.0, true)]
    [InlineData(10000L, 30000L, 0.3333, false)]
    [InlineData(0L, 30000L, 0.0, false)]
    public void Map_VideoView_ComputesCompletionCappedAtOne(long watchTime, long duration, double ratio, bool completed)
    {
        var brandEvent = WithProperties(
            SampleEvents.Parse(BrandEventTypes.VideoView),
            ("watch_time_ms", watchTime),
            ("duration_ms", duration));

        var properties = Properties(Map(brandEvent));

        Assert.Equal((decimal)ratio, properties["completion_ratio"]);
        Assert.Equal(completed, properties["completed"]);
    }

    [Fact]
    public void Map_VideoViewWithoutDuration_SendsNoCompletion()
    {
        var brandEvent = SampleEvents.Parse(BrandEventTypes.VideoView);
        var withoutDuration = brandEvent with
        {
            Properties = brandEvent.Properties.Where(p => p.Key != "duration_ms").ToDictionary(),
        };

        var properties = Properties(Map(withoutDuration));

        Assert.False(properties.ContainsKey("completion_ratio"));
        Assert.False(properties.ContainsKey("completed"));
    }

    [Fact]
    public void Map_SimplifiedDeviceOnly_UsesDevicePrefixedDistinctId()
    {
        var brandEvent = SampleEvents.Parse(BrandEventTypes.Like) with { UserId = null };

        var properties = Properties(Map(brandEvent));

        Assert.Equal("$device:d1", properties["distinct_id"]);
        Assert.Equal("d1", properties["$device_id"]);
        Assert.False(properties.ContainsKey("$user_id"));
    }

    [Theory]
    [InlineData("u1", "d1", "u1")]
    [InlineData(null, "d1", "d1")]
    [InlineData("u1", null, "u1")]
    public void Map_OriginalIdMerge_UsesUserElseDeviceWithoutMergeProperties(
        string? userId,
        string? deviceId,
        string expectedDistinctId)
    {
        var brandEvent = SampleEvents.Parse(BrandEventTypes.Like) with { UserId = userId, DeviceId = deviceId };
        var settings = new BrandMappingSettings { IdentityMerge = IdentityMergeMode.Original };

        var properties = Properties(Map(brandEvent, settings));

        Assert.Equal(expectedDistinctId, properties["distinct_id"]);
        Assert.False(properties.ContainsKey("$user_id"));
        Assert.False(properties.ContainsKey("$device_id"));
    }

    [Fact]
    public void Map_CustomPropertyNamedLikeReserved_CannotChangeTimeDistinctIdOrInsertId()
    {
        var brandEvent = WithProperties(
            SampleEvents.Parse(BrandEventTypes.Like),
            ("time", 1L),
            ("distinct_id", "attacker"),
            ("$insert_id", "forged-id"),
            ("token", "other-project"),
            ("$os", "Windows"),
            ("mp_country_code", "US"),
            ("ip", "0"),
            ("$ignore", true),
            ("event_id", "other-id"));
        var settings = new BrandMappingSettings
        {
            AllowedCustomProperties =
                new HashSet<string>(brandEvent.Properties.Keys.Except(["target_id", "target_type"])),
        };

        var mapped = Map(brandEvent, settings);
        var properties = Properties(mapped);

        Assert.Equal(1777629600000L, properties["time"]);
        Assert.Equal("u1", properties["distinct_id"]);
        Assert.Equal(InsertIds.Create(BrandId, "e-1"), properties["$insert_id"]);
        Assert.Equal("iOS", properties["$os"]);
        Assert.Equal("DE", properties["mp_country_code"]);
        Assert.Equal("203.0.113.9", properties["ip"]);
        Assert.Equal("e-1", properties["event_id"]);
        Assert.False(properties.ContainsKey("token"));
        Assert.False(properties.ContainsKey("$ignore"));
        Assert.Equal(1L, properties["brand_time"]);
        Assert.Equal("attacker", properties["brand_distinct_id"]);
        Assert.Equal("forged-id", properties["brand_insert_id"]);
        Assert.Equal("other-project", properties["brand_token"]);
        Assert.Equal("Windows", properties["brand_os"]);
        Assert.Equal("US", properties["brand_mp_country_code"]);
        Assert.Equal("0", properties["brand_ip"]);
        Assert.Equal(true, properties["brand_ignore"]);
        Assert.Equal("other-id", properties["brand_event_id"]);
        Assert.Equal(mapped.Properties.Count, properties.Count);
        Assert.True(_validator.Validate(mapped).IsAccepted);
    }

    [Fact]
    public void Map_RenamedNameAlreadyTaken_PrefixesAgain()
    {
        var brandEvent = WithProperties(SampleEvents.Parse(BrandEventTypes.Like), ("brand_time", "a"), ("time", "b"));
        var settings = new BrandMappingSettings
        {
            AllowedCustomProperties = new HashSet<string> { "brand_time", "time" },
        };

        var properties = Properties(Map(brandEvent, settings));

        Assert.Equal("a", properties["brand_time"]);
        Assert.Equal("b", properties["brand_brand_time"]);
    }

    [Fact]
    public void Map_CustomPropertyNotAllowListed_IsLeftOut()
    {
        var brandEvent = WithProperties(
            SampleEvents.Parse(BrandEventTypes.Like),
            ("campaign", "spring"),
            ("secret", "x"));
        var settings = new BrandMappingSettings { AllowedCustomProperties = new HashSet<string> { "campaign" } };

        var properties = Properties(Map(brandEvent, settings));

        Assert.Equal("spring", properties["campaign"]);
        Assert.False(properties.ContainsKey("secret"));
    }

    [Fact]
    public void Map_RenamedType_UsesBrandName()
    {
        var settings = new BrandMappingSettings
        {
            EventNames = new Dictionary<string, string> { [BrandEventTypes.Purchase] = "Order Completed" },
        };

        var mapped = Map(SampleEvents.Parse(BrandEventTypes.Purchase), settings);

        Assert.Equal("Order Completed", mapped.Name);
    }

    [Fact]
    public void Map_ExcludedType_ReturnsNull()
    {
        var settings = new BrandMappingSettings { ExcludedTypes = new HashSet<string> { BrandEventTypes.Like } };

        var mapped = BrandEventMapper.Map(BrandId, SampleEvents.Parse(BrandEventTypes.Like), settings, 1);

        Assert.Null(mapped);
    }

    [Fact]
    public void Map_SameEventTwice_GivesSameInsertIdButOtherBrandDiffers()
    {
        var brandEvent = SampleEvents.Parse(BrandEventTypes.Like);

        var first = Properties(Map(brandEvent))["$insert_id"];
        var second = Properties(Map(brandEvent))["$insert_id"];
        var otherBrandEvent = BrandEventMapper.Map("brand-2", brandEvent, BrandMappingSettings.Default, 1)!;
        var otherBrand = Properties(otherBrandEvent)["$insert_id"];

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherBrand);
        Assert.True(InsertIds.IsWellFormed((string?)first));
    }

    [Fact]
    public void DistinctIdsOf_Simplified_PrefixesDevices()
    {
        var ids = BrandEventMapper.DistinctIdsOf(["u1"], ["d1", "d2"], IdentityMergeMode.Simplified);

        Assert.Equal(["u1", "$device:d1", "$device:d2"], ids);
    }

    [Fact]
    public void DistinctIdsOf_Original_KeepsDeviceIds()
    {
        var ids = BrandEventMapper.DistinctIdsOf(["u1"], ["d1"], IdentityMergeMode.Original);

        Assert.Equal(["u1", "d1"], ids);
    }

    private static MixpanelEvent Map(BrandEvent brandEvent, BrandMappingSettings? settings = null, long sequence = 1) =>
        BrandEventMapper.Map(BrandId, brandEvent, settings ?? BrandMappingSettings.Default, sequence)!;

    private static Dictionary<string, object?> Properties(MixpanelEvent mixpanelEvent) =>
        mixpanelEvent.Properties.ToDictionary(p => p.Key, p => p.Value);

    private static BrandEvent WithProperties(BrandEvent brandEvent, params (string Name, object? Value)[] extra)
    {
        var properties = new Dictionary<string, object?>(brandEvent.Properties);
        foreach (var (name, value) in extra)
        {
            properties[name] = value;
        }

        return brandEvent with { Properties = properties };
    }
}
