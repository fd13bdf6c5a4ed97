namespace MixpanelSync.Grains.Delivery;

/// <summary>The class of one /import response.</summary>
public enum ImportStatus
{
    /// <summary>200: every event imported.</summary>
    Imported,

    /// <summary>400: the valid events imported, the others listed as failed records.</summary>
    PartiallyRejected,

    /// <summary>401: the credentials or the residency are wrong.</summary>
    Unauthorized,

    /// <summary>413: the body is over Mixpanel's size limit.</summary>
    TooLarge,

    /// <summary>429: the project's rate limit is exceeded.</summary>
    Throttled,

    /// <summary>5xx, a timeout or a network error: worth retrying.</summary>
    Transient,

    /// <summary>Any other response.</summary>
    Unexpected,
}
