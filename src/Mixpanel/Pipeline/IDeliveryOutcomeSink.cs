namespace MixpanelSync.Mixpanel;

/// <summary>Receives event outcomes from <see cref="MixpanelDeliveryPipeline"/>.</summary>
public interface IDeliveryOutcomeSink
{
    /// <summary>
    /// Records outcomes. Calls never overlap, and each event's outcome arrives exactly once unless the run is
    /// cancelled. The list is only valid during the call.
    /// </summary>
    ValueTask OnOutcomesAsync(IReadOnlyList<EventOutcome> outcomes, CancellationToken cancellationToken);
}
