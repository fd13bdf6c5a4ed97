namespace MixpanelSync.MixpanelEmulator;

/// <summary>Event properties that validation or normalization treats specially.</summary>
internal enum KnownProperty : byte
{
    None,
    Time,
    DistinctId,
    InsertId,
    UserId,
    DeviceId,
    Token,
    Ignore,

    /// <summary>
    /// Properties that Mixpanel sets itself, or drops (<c>ip</c>), so copies sent by clients are replaced.
    /// </summary>
    ServerSet,
}
