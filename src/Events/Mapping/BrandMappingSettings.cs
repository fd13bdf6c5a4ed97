using MixpanelSync.Events.Schema;

namespace MixpanelSync.Events.Mapping;

/// <summary>
/// A brand's limited changes to the standard mapping of its events onto Mixpanel events (docs/event-schema.md).
/// </summary>
public sealed record BrandMappingSettings
{
    /// <summary>The standard mapping: Simplified ID Merge, schema names, no exclusions, no custom properties.</summary>
    public static BrandMappingSettings Default { get; } = new();

    /// <summary>The identity management of the brand's Mixpanel project.</summary>
    /// <value>Defaults to <see cref="IdentityMergeMode.Simplified"/>.</value>
    public IdentityMergeMode IdentityMerge { get; init; } = IdentityMergeMode.Simplified;

    /// <summary>Mixpanel event names that replace the schema's, by brand event type.</summary>
    public IReadOnlyDictionary<string, string> EventNames { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Brand event types that are never sent.</summary>
    public IReadOnlySet<string> ExcludedTypes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Custom property names that pass through to Mixpanel; every other custom property is left out. A name that
    /// Mixpanel reserves is sent renamed (<see cref="ReservedNames.Rename"/>).
    /// </summary>
    public IReadOnlySet<string> AllowedCustomProperties { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Returns what is wrong with the settings, one message each; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (type, name) in EventNames)
        {
            CheckType(type, "EventNames", errors);
            CheckEventName(type, name, errors);
        }

        foreach (var type in ExcludedTypes)
        {
            CheckType(type, "ExcludedTypes", errors);
        }

        foreach (var property in AllowedCustomProperties.Where(p => string.IsNullOrWhiteSpace(p) || p.Length > 255))
        {
            errors.Add(
                $"AllowedCustomProperties contains '{property}', but a property name must have 1 to 255 characters.");
        }

        return errors;
    }

    private static void CheckType(string type, string setting, List<string> errors)
    {
        if (EventSchema.Find(type) is null)
        {
            errors.Add(
                $"{setting} names the event type '{type}', which the schema does not have. Use one of: " +
                $"{string.Join(", ", EventSchema.Types.Select(definition => definition.Type))}.");
        }
    }

    private static void CheckEventName(string type, string name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 255)
        {
            errors.Add($"EventNames gives {type} the name '{name}'; an event name must have 1 to 255 characters.");
        }
        else if (name.StartsWith('$'))
        {
            errors.Add(
                $"EventNames gives {type} the name '{name}', but names starting with $ belong to Mixpanel's own " +
                "events such as $identify. Choose a name without the $.");
        }
    }
}
