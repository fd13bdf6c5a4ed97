namespace MixpanelSync.Mixpanel;

/// <summary>
/// The data residency of a Mixpanel project, which fixes its ingestion host. Mixpanel does not ingest data sent
/// to another region's host, so there is deliberately no default value.
/// </summary>
public enum MixpanelResidency
{
    /// <summary>United States: <c>https://api.mixpanel.com</c>.</summary>
    Us = 1,

    /// <summary>European Union: <c>https://api-eu.mixpanel.com</c>.</summary>
    Eu,

    /// <summary>India: <c>https://api-in.mixpanel.com</c>.</summary>
    In,
}
