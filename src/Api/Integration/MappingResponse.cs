using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Integration;

/// <summary>How brand events become Mixpanel events.</summary>
/// <param name="EventNamePrefix">Text put before every event name, or empty.</param>
/// <param name="ExcludedEventTypes">Brand event types that are never sent.</param>
/// <param name="IncludeContext">Whether device, app and location context becomes event properties.</param>
/// <param name="PushProfiles">Whether each run also sets the user profiles of the users whose events it sent.</param>
public sealed record MappingResponse(
    string EventNamePrefix,
    IReadOnlyList<string> ExcludedEventTypes,
    bool IncludeContext,
    bool PushProfiles)
{
    internal static MappingResponse From(MappingSettings mapping) =>
        new(mapping.EventNamePrefix, mapping.ExcludedEventTypes, mapping.IncludeContext, mapping.PushProfiles);
}
