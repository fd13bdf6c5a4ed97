namespace MixpanelSync.Mixpanel;

/// <summary>Why an event was rejected or failed.</summary>
public enum OutcomeReason
{
    /// <summary>The event was imported.</summary>
    None = 0,

    /// <summary>Validation rejected the event before sending; see <see cref="EventOutcome.ValidationCode"/>.</summary>
    InvalidEvent,

    /// <summary>
    /// Mixpanel listed the event in <c>failed_records</c>, or <c>/track</c> reported the request invalid.
    /// </summary>
    RejectedByMixpanel,

    /// <summary>Mixpanel responded with 413 for a request that contained only this event.</summary>
    TooLargeForRequest,

    /// <summary>Every attempt met a retryable failure (429, 5xx, timeout or connection error).</summary>
    RetriesExhausted,

    /// <summary>Mixpanel rejected the credentials (401 or 403); nothing more is sent in the run.</summary>
    CredentialsRejected,

    /// <summary>Mixpanel responded with a status or body that this client does not handle.</summary>
    UnexpectedResponse,

    /// <summary>The event was not sent because the run stopped first.</summary>
    NotSent,
}
