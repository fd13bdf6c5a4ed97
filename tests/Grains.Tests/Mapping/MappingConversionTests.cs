using MixpanelSync.Events.Mapping;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Mapping;
using IdentityMergeMode = MixpanelSync.GrainInterfaces.Integration.IdentityMergeMode;

namespace MixpanelSync.Grains.Tests.Mapping;

public sealed class MappingConversionTests
{
    [Fact]
    public void ToBrandSettings_Default_KeepsSchemaNames()
    {
        var settings = MappingConversion.ToBrandSettings(MappingSettings.Default);

        Assert.Empty(settings.EventNames);
        Assert.Empty(settings.ExcludedTypes);
        Assert.Empty(settings.AllowedCustomProperties);
        Assert.Equal(Events.Mapping.IdentityMergeMode.Simplified, settings.IdentityMerge);
    }

    [Fact]
    public void ToBrandSettings_Prefix_AppliesToAllNames()
    {
        var mapping = MappingSettings.Default with
        {
            EventNamePrefix = "BCC ",
            EventNames = new Dictionary<string, string> { ["like"] = "Heart" },
        };

        var settings = MappingConversion.ToBrandSettings(mapping);

        Assert.Equal("BCC Video View", settings.EventNames["video_view"]);
        Assert.Equal("BCC Heart", settings.EventNames["like"]);
    }

    [Fact]
    public void ToBrandSettings_AllFields_AreCarriedOver()
    {
        var mapping = new MappingSettings(
            string.Empty,
            ["share"],
            IncludeContext: false,
            IdentityMergeMode.Original,
            AllowedCustomProperties: ["campaign"]);

        var settings = MappingConversion.ToBrandSettings(mapping);

        Assert.Equal(Events.Mapping.IdentityMergeMode.Original, settings.IdentityMerge);
        Assert.Equal(["share"], settings.ExcludedTypes);
        Assert.Equal(["campaign"], settings.AllowedCustomProperties);
    }

    [Theory]
    [InlineData("$app ", "starting with $")]
    [InlineData("", "no_such_type")]
    public void Validate_InvalidSettings_ReturnsReason(string prefix, string expected)
    {
        var mapping = MappingSettings.Default with
        {
            EventNamePrefix = prefix,
            ExcludedEventTypes = prefix.Length == 0 ? ["no_such_type"] : [],
        };

        var reason = MappingConversion.Validate(mapping);

        Assert.NotNull(reason);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefaultOrMissing_ReturnsNull()
    {
        Assert.Null(MappingConversion.Validate(MappingSettings.Default));
        Assert.Null(MappingConversion.Validate(null));
    }

    [Fact]
    public void ToBrandSettings_ResultMapsEvents()
    {
        var settings = MappingConversion.ToBrandSettings(MappingSettings.Default with { EventNamePrefix = "X " });
        var brandEvent = Support.TestEvents.VideoView("event-1", DateTimeOffset.UtcNow, "user-1");

        var mapped = BrandEventMapper.Map("brand-1", brandEvent, settings, sequence: 7);

        Assert.NotNull(mapped);
        Assert.Equal("X Video View", mapped.Name);
        Assert.Equal(7, mapped.SourceKey);
    }
}
