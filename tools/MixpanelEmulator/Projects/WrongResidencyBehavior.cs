namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Response to data sent to a residency other than the project's. Mixpanel does not ingest such data; its documentation
/// mentions both a silent drop and a 401, so the emulator offers both.
/// </summary>
public enum WrongResidencyBehavior
{
    /// <summary>Respond as if the data were accepted, and store nothing.</summary>
    AcceptAndDrop,

    /// <summary>Reject /import with 401 Invalid credentials; /track, /engage and /groups still drop silently.</summary>
    Unauthorized,
}
