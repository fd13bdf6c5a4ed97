using MixpanelSync.Events.Mapping;

namespace MixpanelSync.Events.Tests.Mapping;

public sealed class BrandMappingSettingsTests
{
    [Fact]
    public void Validate_Default_ReturnsNoErrors()
    {
        Assert.Empty(BrandMappingSettings.Default.Validate());
    }

    [Fact]
    public void Validate_InvalidEntries_NamesEachProblem()
    {
        var settings = new BrandMappingSettings
        {
            EventNames = new Dictionary<string, string>
            {
                ["video_watch"] = "Watch",
                [BrandEventTypes.Like] = "$identify",
                [BrandEventTypes.Share] = " ",
            },
            ExcludedTypes = new HashSet<string> { "clicks" },
            AllowedCustomProperties = new HashSet<string> { "" },
        };

        var errors = settings.Validate();

        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.Contains("'video_watch'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'$identify'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("share the name ' '", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'clicks'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("AllowedCustomProperties", StringComparison.Ordinal));
    }
}
