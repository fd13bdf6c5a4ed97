namespace MixpanelSync.Silo.Demo;

/// <summary>The emulator's stored events of one brand compared with the runs' counts.</summary>
/// <param name="Imported">Events the runs counted as imported.</param>
/// <param name="Deduplicated">Events in the emulator's deduplicated view.</param>
/// <param name="Raw">Events in the emulator's raw log, copies sent twice included.</param>
/// <param name="ByType">Expected and stored events per brand event type.</param>
internal sealed record EmulatorCheck(long Imported, long Deduplicated, long Raw, IReadOnlyList<EventTypeCount> ByType)
{
    /// <summary>
    /// Whether the view contains exactly the imported events, nothing was stored twice and every event type has the
    /// expected count.
    /// </summary>
    public bool Matches =>
        Imported == Deduplicated && Raw == Deduplicated && ByType.All(type => type.Expected == type.Stored);
}
