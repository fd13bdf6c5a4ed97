namespace MixpanelSync.Mixpanel;

/// <summary>
/// What the validator does with an <c>$insert_id</c> that is too long or has characters other than letters,
/// digits and '-'.
/// </summary>
public enum InvalidInsertIdPolicy
{
    /// <summary>
    /// Replace it with a hash of the original value (see <see cref="InsertIds.Derive(string)"/>) and warn.
    /// The same input always yields the same id, so retries and re-runs still deduplicate, and unlike stripping
    /// characters or keeping the tail, two different ids do not collide.
    /// </summary>
    Derive = 1,

    /// <summary>Reject the event.</summary>
    Reject,
}
