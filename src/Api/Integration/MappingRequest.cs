using System.Text.Json.Serialization;

namespace MixpanelSync.Api.Integration;

/// <summary>How brand events become Mixpanel events.</summary>
/// <param name="EventNamePrefix">Text put before every event name, at most 50 characters; empty for none.</param>
/// <param name="ExcludedEventTypes">Brand event types that are never sent, such as <c>like</c>.</param>
/// <param name="IncludeContext">Whether device, app and location context becomes event properties.</param>
/// <param name="PushProfiles">
/// Whether each run also sets the Mixpanel user profiles of the users whose events it sent; false when omitted.
/// </param>
/// <param name="IdentityMerge">
/// The identity management of the Mixpanel project, <c>simplified</c> or <c>original</c>; <c>simplified</c> when
/// omitted.
/// </param>
/// <param name="EventNames">
/// Mixpanel event names that replace the schema's, by brand event type, such as
/// <c>{"video_view": "Watched Video"}</c>. The prefix goes before these names too. Schema names when omitted.
/// </param>
/// <param name="AllowedCustomProperties">
/// The custom property names that are sent, 1 to 255 characters each; no custom property is sent when omitted.
/// </param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MappingRequest(
    string? EventNamePrefix,
    IReadOnlyList<string>? ExcludedEventTypes,
    bool? IncludeContext,
    bool? PushProfiles = null,
    string? IdentityMerge = null,
    IReadOnlyDictionary<string, string>? EventNames = null,
    IReadOnlyList<string>? AllowedCustomProperties = null);
