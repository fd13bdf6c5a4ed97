namespace MixpanelSync.Grains.Diagnostics;

/// <summary>Names to subscribe to for the sync grains' telemetry.</summary>
public static class GrainDiagnostics
{
    /// <summary>
    /// The <see cref="System.Diagnostics.Metrics.Meter"/> name. Counters: <c>mixpanel_sync.events.read</c>,
    /// <c>.skipped</c>, <c>.sent</c>, <c>.imported</c> and <c>.rejected</c> (tag <c>reason</c>);
    /// <c>mixpanel_sync.runs</c> (tags <c>trigger</c>, <c>outcome</c>); <c>mixpanel_sync.budget.granted</c>
    /// (events), <c>.granted_bytes</c>, <c>.waits</c> and <c>.throttle_reports</c> (tag <c>project</c>). Gauges:
    /// <c>mixpanel_sync.budget.used</c> (events in the current window) and <c>mixpanel_sync.budget.limit</c> (the
    /// event limit after any decrease), both tagged <c>project</c>. The <c>project</c> tag is the budget key, a
    /// hash of the project token.
    /// </summary>
    public const string MeterName = GrainMetrics.MeterName;
}
