namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>
/// The identity management of the brand's Mixpanel project, which decides how events name their user.
/// </summary>
[GenerateSerializer]
[Alias("mixpanel-sync.identity-merge-mode")]
public enum IdentityMergeMode
{
    /// <summary>
    /// Simplified ID Merge, the default of projects created since April 2024: events carry <c>$user_id</c> and
    /// <c>$device_id</c>, and anonymous events get <c>$device:</c> and the device id as <c>distinct_id</c>.
    /// </summary>
    Simplified,

    /// <summary>
    /// Original ID Merge: <c>distinct_id</c> is the user id, or the bare device id for anonymous events.
    /// </summary>
    Original,
}
