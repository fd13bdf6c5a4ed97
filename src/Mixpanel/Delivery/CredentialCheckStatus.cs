namespace MixpanelSync.Mixpanel;

/// <summary>The verdict of <see cref="MixpanelIngestionClient.CheckCredentialsAsync"/>.</summary>
public enum CredentialCheckStatus
{
    /// <summary>Mixpanel authenticated the request.</summary>
    Accepted = 1,

    /// <summary>Mixpanel rejected the credentials (401 or 403).</summary>
    Rejected,

    /// <summary>No response arrived after retries, so the credentials are untested.</summary>
    Unreachable,

    /// <summary>Mixpanel responded in a way that neither confirms nor rejects the credentials.</summary>
    Inconclusive,
}
