using System.Text.Json.Serialization;

namespace MixpanelSync.Api.Integration;

/// <summary>The body of a connect request.</summary>
/// <param name="ProjectToken">The project token; checked against Mixpanel, stored encrypted, never returned.</param>
/// <param name="Residency">The project's data residency: <c>us</c>, <c>eu</c> or <c>india</c>.</param>
/// <param name="Schedule">When scheduled syncs run.</param>
/// <param name="ServiceAccount">An optional service account that authenticates /import instead of the token.</param>
/// <param name="Mapping">Optional mapping settings; the defaults send every type with its context.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ConnectIntegrationRequest(
    string? ProjectToken,
    string? Residency,
    ScheduleRequest? Schedule,
    ServiceAccountRequest? ServiceAccount = null,
    MappingRequest? Mapping = null)
{
    /// <summary>Returns the request without the token, so that it cannot leak through logs.</summary>
    public override string ToString() => $"ConnectIntegrationRequest {{ Residency = {Residency} }}";
}
