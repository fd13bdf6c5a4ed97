namespace MixpanelSync.Mixpanel;

/// <summary>The Mixpanel endpoint that receives events.</summary>
public enum MixpanelIngestionEndpoint
{
    /// <summary>
    /// <c>/import</c>: authenticated, accepts any time from 1971 on, and reports every rejected event. The default.
    /// </summary>
    Import = 1,

    /// <summary>
    /// <c>/track</c>: meant for untrusted clients; accepts only the last five days and reports errors for the
    /// request as a whole. Use it only when <c>/import</c> is not available.
    /// </summary>
    Track,
}
