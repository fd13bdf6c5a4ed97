using System.Text.Json.Serialization;

namespace MixpanelSync.Api.Integration;

/// <summary>A Mixpanel service account that authenticates /import instead of the project token.</summary>
/// <param name="Username">The service account's user name.</param>
/// <param name="Secret">The service account's secret; stored encrypted and never returned.</param>
/// <param name="ProjectId">The numeric Mixpanel project id.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ServiceAccountRequest(string? Username, string? Secret, string? ProjectId)
{
    /// <summary>Returns the record without the secret, so that it cannot leak through logs.</summary>
    public override string ToString() => $"ServiceAccountRequest {{ Username = {Username}, ProjectId = {ProjectId} }}";
}
