namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>A brand integration's settings and state, without secrets.</summary>
/// <param name="BrandId">The brand.</param>
/// <param name="State">The connection state.</param>
/// <param name="StateReason">Why the integration is degraded or in error, or <see langword="null"/>.</param>
/// <param name="MaskedToken">The project token with all but its last 4 characters masked.</param>
/// <param name="Residency">The project's data residency.</param>
/// <param name="Schedule">The schedule, or <see langword="null"/> when never connected.</param>
/// <param name="Mapping">The mapping settings that the next run uses.</param>
/// <param name="UsesServiceAccount">Whether /import authenticates with a service account.</param>
/// <param name="ConnectedAt">When the project was connected; earlier events are sent only by a backfill.</param>
/// <param name="NextRunAt">When the next scheduled run is due, or <see langword="null"/> when none is.</param>
/// <param name="RetryAt">When a failed run is tried again, or <see langword="null"/>.</param>
/// <param name="CurrentRun">The run in progress, or <see langword="null"/>.</param>
/// <param name="LastRun">The last finished run, or <see langword="null"/>.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.integration-status")]
public sealed record IntegrationStatus(
    [property: Id(0)] string BrandId,
    [property: Id(1)] ConnectionState State,
    [property: Id(2)] string? StateReason,
    [property: Id(3)] string? MaskedToken,
    [property: Id(4)] MixpanelResidency Residency,
    [property: Id(5)] SyncSchedule? Schedule,
    [property: Id(6)] MappingSettings Mapping,
    [property: Id(7)] bool UsesServiceAccount,
    [property: Id(8)] DateTimeOffset? ConnectedAt,
    [property: Id(9)] DateTimeOffset? NextRunAt,
    [property: Id(10)] DateTimeOffset? RetryAt,
    [property: Id(11)] RunSummary? CurrentRun,
    [property: Id(12)] RunSummary? LastRun);
