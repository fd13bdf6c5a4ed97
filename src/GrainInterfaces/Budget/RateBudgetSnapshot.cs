namespace MixpanelSync.GrainInterfaces.Budget;

/// <summary>The state of one project's rate budget.</summary>
/// <param name="BytesInWindow">Uncompressed bytes granted within the current rolling window.</param>
/// <param name="EventsInWindow">Events granted within the current rolling window.</param>
/// <param name="ByteLimit">The current byte limit per window, after any decrease.</param>
/// <param name="EventLimit">The current event limit per window, after any decrease.</param>
/// <param name="Throttles">429 responses reported since the grain was activated.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.rate-budget-snapshot")]
public sealed record RateBudgetSnapshot(
    [property: Id(0)] long BytesInWindow,
    [property: Id(1)] long EventsInWindow,
    [property: Id(2)] long ByteLimit,
    [property: Id(3)] long EventLimit,
    [property: Id(4)] long Throttles);
