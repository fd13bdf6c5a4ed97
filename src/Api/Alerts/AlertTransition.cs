using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Alerts;

/// <summary>A change of a brand's state that an alert reports.</summary>
/// <param name="Kind">Why the alert is sent.</param>
/// <param name="PreviousState">The state observed before.</param>
/// <param name="State">The state observed now.</param>
/// <param name="Reason">Why the brand is degraded or in error, or <see langword="null"/>.</param>
/// <param name="ObservedAt">When the new state was observed.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.alert-transition")]
public sealed record AlertTransition(
    [property: Id(0)] AlertKind Kind,
    [property: Id(1)] ConnectionState PreviousState,
    [property: Id(2)] ConnectionState State,
    [property: Id(3)] string? Reason,
    [property: Id(4)] DateTimeOffset ObservedAt);
