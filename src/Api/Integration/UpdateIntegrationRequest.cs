using System.Text.Json.Serialization;

namespace MixpanelSync.Api.Integration;

/// <summary>
/// The body of a settings change; members left out stay as they are. A new token, residency or service account
/// is checked against Mixpanel before it is saved, and clears the error state.
/// </summary>
/// <param name="ProjectToken">A new project token.</param>
/// <param name="Residency">A new data residency: <c>us</c>, <c>eu</c> or <c>india</c>.</param>
/// <param name="Schedule">A new schedule, given whole.</param>
/// <param name="ServiceAccount">A new service account.</param>
/// <param name="RemoveServiceAccount">Whether to stop using the stored service account.</param>
/// <param name="Mapping">New mapping settings, given whole.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record UpdateIntegrationRequest(
    string? ProjectToken = null,
    string? Residency = null,
    ScheduleRequest? Schedule = null,
    ServiceAccountRequest? ServiceAccount = null,
    bool? RemoveServiceAccount = null,
    MappingRequest? Mapping = null)
{
    /// <summary>Returns the request without the token, so that it cannot leak through logs.</summary>
    public override string ToString() =>
        $"UpdateIntegrationRequest {{ TokenChanged = {ProjectToken is not null}, Residency = {Residency} }}";
}
