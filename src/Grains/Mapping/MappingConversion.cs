using MixpanelSync.Events.Mapping;
using MixpanelSync.Events.Schema;
using MixpanelSync.GrainInterfaces.Integration;
using IdentityMergeMode = MixpanelSync.GrainInterfaces.Integration.IdentityMergeMode;
using LibraryIdentityMerge = MixpanelSync.Events.Mapping.IdentityMergeMode;

namespace MixpanelSync.Grains.Mapping;

/// <summary>Converts a brand's <see cref="MappingSettings"/> into the event library's mapping settings.</summary>
internal static class MappingConversion
{
    /// <summary>
    /// Converts the settings. The prefix goes before every event name, the schema's and the brand's own ones,
    /// because the event library has no prefix setting.
    /// </summary>
    public static BrandMappingSettings ToBrandSettings(MappingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in EventSchema.Types)
        {
            var name = settings.EventNames?.GetValueOrDefault(definition.Type) ?? definition.MixpanelName;
            if (settings.EventNamePrefix.Length > 0 || name != definition.MixpanelName)
            {
                names[definition.Type] = settings.EventNamePrefix + name;
            }
        }

        // Names of unknown types are kept so that validation reports them.
        foreach (var (type, name) in settings.EventNames ?? new Dictionary<string, string>())
        {
            names.TryAdd(type, settings.EventNamePrefix + name);
        }

        return new BrandMappingSettings
        {
            IdentityMerge = settings.IdentityMerge == IdentityMergeMode.Original
                ? LibraryIdentityMerge.Original
                : LibraryIdentityMerge.Simplified,
            EventNames = names,
            ExcludedTypes = settings.ExcludedEventTypes.ToHashSet(StringComparer.Ordinal),
            AllowedCustomProperties = (settings.AllowedCustomProperties ?? []).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>Returns why the settings are invalid, one sentence per problem, or <see langword="null"/>.</summary>
    public static string? Validate(MappingSettings? settings)
    {
        if (settings is null)
        {
            return null;
        }

        if (settings.ExcludedEventTypes is null)
        {
            return "The mapping's excluded event types are missing; pass an empty list for none.";
        }

        var errors = ToBrandSettings(settings).Validate();
        return errors.Count == 0 ? null : string.Join(" ", errors);
    }
}
