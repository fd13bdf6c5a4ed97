using MixpanelSync.Api.Http;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Integration;

/// <summary>How brand events become Mixpanel events.</summary>
/// <param name="EventNamePrefix">Text put before every event name, or empty.</param>
/// <param name="ExcludedEventTypes">Brand event types that are never sent.</param>
/// <param name="IncludeContext">Whether device, app and location context becomes event properties.</param>
/// <param name="PushProfiles">Whether each run also sets the user profiles of the users whose events it sent.</param>
/// <param name="IdentityMerge">The identity management of the Mixpanel project: <c>simplified</c> or
/// <c>original</c>.</param>
/// <param name="EventNames">Mixpanel event names that replace the schema's, by brand event type.</param>
/// <param name="AllowedCustomProperties">The custom property names that are sent.</param>
public sealed record MappingResponse(
    string EventNamePrefix,
    IReadOnlyList<string> ExcludedEventTypes,
    bool IncludeContext,
    bool PushProfiles,
    string IdentityMerge,
    IReadOnlyDictionary<string, string> EventNames,
    IReadOnlyList<string> AllowedCustomProperties)
{
    internal static MappingResponse From(MappingSettings mapping) => new(
        mapping.EventNamePrefix,
        mapping.ExcludedEventTypes,
        mapping.IncludeContext,
        mapping.PushProfiles,
        ApiText.Of(mapping.IdentityMerge),
        mapping.EventNames ?? new Dictionary<string, string>(),
        mapping.AllowedCustomProperties ?? []);
}
