namespace MixpanelSync.MixpanelEmulator;

internal enum RuleOutcome : byte
{
    /// <summary>Store the event.</summary>
    Accept,

    /// <summary>Report the event as failed.</summary>
    Reject,

    /// <summary>Count the event as accepted but store nothing ($ignore, or older than five days on /track).</summary>
    Drop,
}
