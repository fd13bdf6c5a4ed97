namespace MixpanelSync.Events.Storage;

/// <summary>What started a sync run.</summary>
public enum RunTrigger
{
    /// <summary>The brand's daily, weekly or monthly schedule.</summary>
    Schedule,

    /// <summary>A "sync now" request.</summary>
    Manual,

    /// <summary>An explicit push of events that happened before the connection time.</summary>
    Backfill,

    /// <summary>A replay of dead letters.</summary>
    Replay,
}
