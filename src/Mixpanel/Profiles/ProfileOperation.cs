namespace MixpanelSync.Mixpanel;

/// <summary>
/// The profile operations this library sends. All are idempotent, so a retried request cannot double-count
/// (unlike <c>$add</c> or <c>$append</c>, which are left out for that reason).
/// </summary>
public enum ProfileOperation
{
    /// <summary><c>$set</c>: set or overwrite the properties, creating the profile if needed.</summary>
    Set = 1,

    /// <summary><c>$set_once</c>: set the properties only where the profile has no value yet.</summary>
    SetOnce,

    /// <summary>
    /// <c>$delete</c>: delete the whole profile with all its properties. The update's properties must be empty.
    /// </summary>
    Delete,
}
