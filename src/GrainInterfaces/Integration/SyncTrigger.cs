namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>What started a sync run.</summary>
[GenerateSerializer]
[Alias("mixpanel-sync.sync-trigger")]
public enum SyncTrigger
{
    /// <summary>The brand's schedule.</summary>
    Schedule,

    /// <summary>A sync-now request.</summary>
    Manual,

    /// <summary>A backfill of events from before the connection time.</summary>
    Backfill,

    /// <summary>A replay of rejected events.</summary>
    Replay,
}
