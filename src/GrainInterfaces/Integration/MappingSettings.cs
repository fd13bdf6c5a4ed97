namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>How brand events become Mixpanel events. A run keeps the settings it started with.</summary>
/// <param name="EventNamePrefix">Text put before every event name, or empty for none.</param>
/// <param name="ExcludedEventTypes">Brand event types that are never sent; they count as skipped.</param>
/// <param name="IncludeContext">Whether device, app and location context becomes event properties.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.mapping-settings")]
public sealed record MappingSettings(
    [property: Id(0)] string EventNamePrefix,
    [property: Id(1)] IReadOnlyList<string> ExcludedEventTypes,
    [property: Id(2)] bool IncludeContext)
{
    /// <summary>No prefix, no excluded types, context included.</summary>
    public static MappingSettings Default { get; } = new(string.Empty, [], IncludeContext: true);
}
