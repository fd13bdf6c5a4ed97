using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Alerts;

/// <summary>
/// The last alerted state of one brand, keyed by brand id. Every silo reports what it observes here, so that a
/// change is alerted once however many silos see it.
/// </summary>
[Alias("mixpanel-sync.brand-alert")]
public interface IBrandAlertGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records an observed state. Returns the transition to alert when the brand entered the error or degraded
    /// state or recovered from one, else <see langword="null"/>.
    /// </summary>
    [Alias("observe")]
    Task<AlertTransition?> ObserveAsync(ConnectionState state, string? reason, DateTimeOffset observedAt);
}
