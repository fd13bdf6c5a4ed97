namespace MixpanelSync.Mixpanel;

/// <summary>Adapts a delegate to <see cref="IDeliveryOutcomeSink"/>.</summary>
internal sealed class DelegateOutcomeSink(
    Func<IReadOnlyList<EventOutcome>, CancellationToken, ValueTask> onOutcomes) : IDeliveryOutcomeSink
{
    public ValueTask OnOutcomesAsync(IReadOnlyList<EventOutcome> outcomes, CancellationToken cancellationToken) =>
        onOutcomes(outcomes, cancellationToken);
}
