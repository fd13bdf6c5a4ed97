namespace MixpanelSync.Mixpanel;

/// <summary>Names to subscribe to for this library's telemetry.</summary>
public static class MixpanelDiagnostics
{
    /// <summary>
    /// The <see cref="System.Diagnostics.Metrics.Meter"/> name. Counters: <c>mixpanel.events.sent</c>,
    /// <c>.imported</c>, <c>.rejected</c> (tag <c>reason</c>), <c>.failed</c> (tag <c>reason</c>),
    /// <c>mixpanel.requests.retries</c> (tag <c>status</c>), <c>mixpanel.requests.rate_limited</c>,
    /// <c>mixpanel.request.body.bytes</c> (tag <c>encoding</c>); histogram <c>mixpanel.request.duration</c> in
    /// seconds (tags <c>endpoint</c>, <c>status</c>).
    /// </summary>
    public const string MeterName = MixpanelMetrics.MeterName;
}
