namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>A Mixpanel service account that authenticates /import instead of the project token.</summary>
/// <param name="Username">The service account's user name.</param>
/// <param name="Secret">The service account's secret; stored encrypted and never returned.</param>
/// <param name="ProjectId">The numeric Mixpanel project id that service-account requests must name.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.service-account")]
public sealed record ServiceAccountCredentials(
    [property: Id(0)] string Username,
    [property: Id(1)] string Secret,
    [property: Id(2)] string ProjectId)
{
    /// <summary>Returns the record without the secret, so that it cannot leak through logs.</summary>
    public override string ToString() => $"ServiceAccount {{ Username = {Username}, ProjectId = {ProjectId} }}";
}
