namespace MixpanelSync.GrainInterfaces.Budget;

/// <summary>The response to a budget request.</summary>
/// <param name="Granted">Whether the sender may send now; the budget is then spent.</param>
/// <param name="RetryAfter">When not granted, how long to wait before asking again.</param>
/// <param name="GrantId">
/// The id to pass to <see cref="IRateBudgetGrain.ReleaseAsync"/> once the request has completed; 0 when not granted.
/// </param>
[GenerateSerializer]
[Alias("mixpanel-sync.budget-grant")]
public sealed record BudgetGrant(
    [property: Id(0)] bool Granted,
    [property: Id(1)] TimeSpan RetryAfter,
    [property: Id(2)] long GrantId = 0);
