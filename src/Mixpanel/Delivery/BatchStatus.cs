namespace MixpanelSync.Mixpanel;

/// <summary>How the sending of a batch ended.</summary>
public enum BatchStatus
{
    /// <summary>Every event was imported or rejected; nothing is left to retry.</summary>
    Completed = 1,

    /// <summary>Mixpanel rejected the credentials; the run must stop until they are fixed.</summary>
    CredentialsRejected,

    /// <summary>Retries ran out for some events, which are reported as failed.</summary>
    RetriesExhausted,

    /// <summary>
    /// Mixpanel responded in a way this client does not handle, so the affected events are reported as failed.
    /// </summary>
    UnexpectedResponse,
}
