using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Alerts;

/// <inheritdoc cref="IBrandAlertGrain"/>
internal sealed class BrandAlertGrain(
    [PersistentState("alert")] IPersistentState<BrandAlertState> state) : Grain, IBrandAlertGrain
{
    public async Task<AlertTransition?> ObserveAsync(
        ConnectionState observed,
        string? reason,
        DateTimeOffset observedAt)
    {
        // A run in progress says nothing about health: a degraded brand stays degraded until its run ends well.
        if (observed == ConnectionState.Syncing || observed == state.State.LastState)
        {
            return null;
        }

        var previous = state.State.LastState;
        state.State.LastState = observed;
        await state.WriteStateAsync();

        AlertKind? kind = observed switch
        {
            ConnectionState.Error => AlertKind.EnteredError,
            ConnectionState.Degraded => AlertKind.EnteredDegraded,
            ConnectionState.Connected when previous is ConnectionState.Error or ConnectionState.Degraded =>
                AlertKind.Recovered,
            _ => null,
        };
        return kind is null ? null : new AlertTransition(kind.Value, previous, observed, reason, observedAt);
    }
}
