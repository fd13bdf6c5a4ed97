namespace MixpanelSync.MixpanelEmulator;

/// <summary>Identity management system of a project, which decides how an event's distinct_id is derived.</summary>
public enum EmulatorIdentityMode
{
    /// <summary>
    /// Simplified ID Merge: without a distinct_id, an event takes its <c>$user_id</c>, or
    /// <c>$device:&lt;$device_id&gt;</c> when it only has a device id.
    /// </summary>
    Simplified,

    /// <summary>
    /// Original ID Merge: distinct_id is required, and the identity events <c>$identify</c>,
    /// <c>$create_alias</c> and <c>$merge</c> are validated.
    /// </summary>
    Original,
}
