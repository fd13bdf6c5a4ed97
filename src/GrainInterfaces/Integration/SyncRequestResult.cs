namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>The response to a request that starts a run: sync now, backfill or replay.</summary>
/// <param name="Started">Whether a run started.</param>
/// <param name="RunId">The started run's id, or the id of the run already in progress.</param>
/// <param name="Message">A sentence stating what happened, such as why no run started.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.sync-request-result")]
public sealed record SyncRequestResult(
    [property: Id(0)] bool Started,
    [property: Id(1)] string? RunId,
    [property: Id(2)] string Message);
