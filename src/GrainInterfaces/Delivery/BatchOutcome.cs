namespace MixpanelSync.GrainInterfaces.Delivery;

/// <summary>How sending one batch ended.</summary>
[GenerateSerializer]
[Alias("mixpanel-sync.batch-outcome")]
public enum BatchOutcome
{
    /// <summary>Mixpanel returned 200 or 400: every event is imported or rejected.</summary>
    Delivered,

    /// <summary>Every attempt failed with 408, 429, 5xx, a timeout or a network error.</summary>
    RetriesExhausted,

    /// <summary>Mixpanel returned 401 or 403; retrying will not help until the credentials change.</summary>
    CredentialsRejected,

    /// <summary>Mixpanel returned a status or body that the delivery library does not handle.</summary>
    UnexpectedResponse,
}
