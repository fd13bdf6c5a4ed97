namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>How brand events become Mixpanel events. A run keeps the settings it started with.</summary>
/// <param name="EventNamePrefix">Text put before every event name, or empty for none.</param>
/// <param name="ExcludedEventTypes">Brand event types that are never sent; they count as skipped.</param>
/// <param name="IncludeContext">Whether device, app and location context becomes event properties.</param>
/// <param name="IdentityMerge">The identity management of the brand's Mixpanel project.</param>
/// <param name="EventNames">
/// Mixpanel event names that replace the schema's, by brand event type, or <see langword="null"/> for none. The
/// prefix applies to these names too.
/// </param>
/// <param name="AllowedCustomProperties">
/// Custom property names that are sent; <see langword="null"/> or empty sends no custom property.
/// </param>
/// <param name="PushProfiles">
/// Whether a run also sets the Mixpanel user profiles of the users whose events it sent, through
/// <c>/engage</c>. Off by default.
/// </param>
[GenerateSerializer]
[Alias("mixpanel-sync.mapping-settings")]
public sealed record MappingSettings(
    [property: Id(0)] string EventNamePrefix,
    [property: Id(1)] IReadOnlyList<string> ExcludedEventTypes,
    [property: Id(2)] bool IncludeContext,
    [property: Id(3)] IdentityMergeMode IdentityMerge = IdentityMergeMode.Simplified,
    [property: Id(4)] IReadOnlyDictionary<string, string>? EventNames = null,
    [property: Id(5)] IReadOnlyList<string>? AllowedCustomProperties = null,
    [property: Id(6)] bool PushProfiles = false)
{
    /// <summary>
    /// No prefix, no excluded types, context included, Simplified ID Merge, schema names, no custom properties,
    /// no profiles.
    /// </summary>
    public static MappingSettings Default { get; } = new(string.Empty, [], IncludeContext: true);
}
