namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>What a backfill from a date would send.</summary>
/// <param name="From">The earliest event time included.</param>
/// <param name="Until">The connection time; later events go with the regular runs.</param>
/// <param name="EventCount">Stored events that happened in that range and are not yet sent.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.backfill-preview")]
public sealed record BackfillPreview(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset Until,
    [property: Id(2)] long EventCount);
