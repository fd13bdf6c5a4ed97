namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>What a brand supplies to connect its Mixpanel project.</summary>
/// <param name="ProjectToken">The Mixpanel project token; stored encrypted and never returned in full.</param>
/// <param name="Residency">The project's data residency.</param>
/// <param name="Schedule">When scheduled syncs run.</param>
/// <param name="ServiceAccount">Optional service account that authenticates /import instead of the token.</param>
/// <param name="Mapping">Mapping settings, or <see langword="null"/> for <see cref="MappingSettings.Default"/>.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.connect-request")]
public sealed record ConnectRequest(
    [property: Id(0)] string ProjectToken,
    [property: Id(1)] MixpanelResidency Residency,
    [property: Id(2)] SyncSchedule Schedule,
    [property: Id(3)] ServiceAccountCredentials? ServiceAccount = null,
    [property: Id(4)] MappingSettings? Mapping = null)
{
    /// <summary>Returns the request without the token, so that it cannot leak through logs.</summary>
    public override string ToString() => $"ConnectRequest {{ Residency = {Residency}, Schedule = {Schedule} }}";
}
