using System.Text.Json.Serialization;

namespace MixpanelSync.Api.Integration;

/// <summary>How brand events become Mixpanel events.</summary>
/// <param name="EventNamePrefix">Text put before every event name, at most 50 characters; empty for none.</param>
/// <param name="ExcludedEventTypes">Brand event types that are never sent, such as <c>like</c>.</param>
/// <param name="IncludeContext">Whether device, app and location context becomes event properties.</param>
/// <param name="PushProfiles">
/// Whether each run also sets the Mixpanel user profiles of the users whose events it sent; false when omitted.
/// </param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MappingRequest(
    string? EventNamePrefix,
    IReadOnlyList<string>? ExcludedEventTypes,
    bool? IncludeContext,
    bool? PushProfiles = null);
