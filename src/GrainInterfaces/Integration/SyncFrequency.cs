namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>How often scheduled syncs run.</summary>
[GenerateSerializer]
[Alias("mixpanel-sync.sync-frequency")]
public enum SyncFrequency
{
    /// <summary>Every day at the chosen hour.</summary>
    Daily,

    /// <summary>Every week on the chosen weekday at the chosen hour.</summary>
    Weekly,

    /// <summary>
    /// Every month on the chosen day at the chosen hour; days past the month's end run on its last day.
    /// </summary>
    Monthly,
}
