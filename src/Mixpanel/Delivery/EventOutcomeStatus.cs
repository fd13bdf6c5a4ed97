namespace MixpanelSync.Mixpanel;

/// <summary>The final state of one event after a delivery attempt.</summary>
public enum EventOutcomeStatus
{
    /// <summary>Mixpanel stored the event.</summary>
    Imported = 1,

    /// <summary>
    /// The event is invalid: rejected before sending or by Mixpanel. Sending it again unchanged would fail again.
    /// </summary>
    Rejected,

    /// <summary>The event was not stored for a reason outside the event, such as retries running out.</summary>
    Failed,
}
