namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>
/// A change of a connected integration's settings; <see langword="null"/> members stay as they are.
/// A new token, residency or service account is validated against Mixpanel before it is saved.
/// </summary>
/// <param name="ProjectToken">A new project token.</param>
/// <param name="Residency">A new data residency.</param>
/// <param name="Schedule">A new schedule.</param>
/// <param name="ServiceAccount">A new service account.</param>
/// <param name="RemoveServiceAccount">Whether to stop using the stored service account.</param>
/// <param name="Mapping">New mapping settings; a run in progress keeps the ones it started with.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.settings-update")]
public sealed record SettingsUpdate(
    [property: Id(0)] string? ProjectToken = null,
    [property: Id(1)] MixpanelResidency? Residency = null,
    [property: Id(2)] SyncSchedule? Schedule = null,
    [property: Id(3)] ServiceAccountCredentials? ServiceAccount = null,
    [property: Id(4)] bool RemoveServiceAccount = false,
    [property: Id(5)] MappingSettings? Mapping = null)
{
    /// <summary>Returns the update without the token, so that it cannot leak through logs.</summary>
    public override string ToString() =>
        $"SettingsUpdate {{ TokenChanged = {ProjectToken is not null}, Residency = {Residency}, "
        + $"Schedule = {Schedule} }}";
}
