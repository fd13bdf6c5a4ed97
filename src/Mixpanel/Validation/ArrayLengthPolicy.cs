namespace MixpanelSync.Mixpanel;

/// <summary>What the validator does with a list that has too many elements.</summary>
public enum ArrayLengthPolicy
{
    /// <summary>Reject the event.</summary>
    Reject = 1,

    /// <summary>Keep the first elements up to the limit and warn.</summary>
    Truncate,
}
