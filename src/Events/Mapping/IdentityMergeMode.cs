namespace MixpanelSync.Events.Mapping;

/// <summary>The identity management of the brand's Mixpanel project, which fixes how events name their user.</summary>
public enum IdentityMergeMode
{
    /// <summary>
    /// Simplified ID Merge, the default for Mixpanel projects created since April 2024: events carry
    /// <c>$user_id</c> and <c>$device_id</c>, and <c>distinct_id</c> is the user id, or <c>$device:</c> and the
    /// device id for anonymous events.
    /// </summary>
    Simplified,

    /// <summary>Original ID Merge: <c>distinct_id</c> is the user id, or the device id for anonymous events.</summary>
    Original,
}
