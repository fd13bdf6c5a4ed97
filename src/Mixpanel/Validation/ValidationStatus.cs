namespace MixpanelSync.Mixpanel;

/// <summary>The verdict on one event.</summary>
public enum ValidationStatus
{
    /// <summary>The event is sent as it is.</summary>
    Valid = 1,

    /// <summary>The event is sent after repairs, each described by a warning.</summary>
    Repaired,

    /// <summary>The event is not sent; the rejection names the field and reason.</summary>
    Rejected,
}
