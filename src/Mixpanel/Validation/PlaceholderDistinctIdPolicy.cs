namespace MixpanelSync.Mixpanel;

/// <summary>
/// What the validator does with a placeholder <c>distinct_id</c> such as <c>undefined</c> or <c>0</c>.
/// </summary>
public enum PlaceholderDistinctIdPolicy
{
    /// <summary>
    /// Send the event with <c>distinct_id</c> set to the empty string, which Mixpanel documents as "no user",
    /// and warn. A per-event random id would instead count every such event as a new user.
    /// </summary>
    ReplaceWithEmpty = 1,

    /// <summary>Reject the event.</summary>
    Reject,
}
