namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>How a sync run ended.</summary>
[GenerateSerializer]
[Alias("mixpanel-sync.sync-outcome")]
public enum SyncOutcome
{
    /// <summary>Still running.</summary>
    Running,

    /// <summary>Every event read was imported or skipped on purpose.</summary>
    Succeeded,

    /// <summary>Finished, but some events were rejected and stored as dead letters.</summary>
    CompletedWithRejections,

    /// <summary>Stopped on an error before the end; the next attempt resumes from the cursor.</summary>
    Failed,

    /// <summary>Stopped on purpose, for example by a disconnect.</summary>
    Cancelled,
}
