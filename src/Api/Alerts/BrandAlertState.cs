using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Alerts;

/// <summary>The persisted state of <see cref="BrandAlertGrain"/>.</summary>
[GenerateSerializer]
[Alias("mixpanel-sync.brand-alert-state")]
internal sealed class BrandAlertState
{
    /// <summary>The last state that decided the alert level; <see cref="ConnectionState.Syncing"/> never is.</summary>
    [Id(0)]
    public ConnectionState LastState { get; set; } = ConnectionState.NotConnected;
}
