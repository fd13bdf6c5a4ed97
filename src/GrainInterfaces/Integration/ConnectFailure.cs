namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>Why connecting or changing credentials failed.</summary>
[GenerateSerializer]
[Alias("mixpanel-sync.connect-failure")]
public enum ConnectFailure
{
    /// <summary>Nothing failed.</summary>
    None,

    /// <summary>A setting is invalid, such as an unknown time zone or an hour outside 0 to 23.</summary>
    InvalidSettings,

    /// <summary>Mixpanel returned 401: the token is wrong or belongs to another residency.</summary>
    InvalidCredentials,

    /// <summary>Mixpanel could not be reached or returned 5xx or 429 on every attempt.</summary>
    Unreachable,

    /// <summary>Mixpanel returned a response that proves nothing about the token.</summary>
    UnexpectedResponse,

    /// <summary>The operation is not possible in the integration's current state.</summary>
    InvalidState,
}
