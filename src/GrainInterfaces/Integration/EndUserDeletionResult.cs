namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>What deleting one end user's data removed here and sent to Mixpanel.</summary>
/// <param name="EventsDeleted">Stored events deleted.</param>
/// <param name="DeadLettersDeleted">Dead letters deleted.</param>
/// <param name="UserIds">The user ids whose data was deleted.</param>
/// <param name="DeviceIds">The device ids whose anonymous events were deleted, sorted.</param>
/// <param name="DistinctIds">
/// The distinct_ids the brand's events had in Mixpanel under its identity mode, for which a profile
/// <c>$delete</c> was sent when the brand is connected.
/// </param>
/// <param name="ProfileStatus">Whether the profile deletions were sent and accepted.</param>
/// <param name="ProfilesDeleted">Profile deletions that Mixpanel accepted.</param>
/// <param name="ProfilesFailed">Profile deletions that were rejected or not delivered.</param>
/// <param name="Error">Why profile deletions failed, when they did.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.end-user-deletion-result")]
public sealed record EndUserDeletionResult(
    [property: Id(0)] long EventsDeleted,
    [property: Id(1)] long DeadLettersDeleted,
    [property: Id(2)] IReadOnlyList<string> UserIds,
    [property: Id(3)] IReadOnlyList<string> DeviceIds,
    [property: Id(4)] IReadOnlyList<string> DistinctIds,
    [property: Id(5)] ProfileDeletionStatus ProfileStatus,
    [property: Id(6)] long ProfilesDeleted,
    [property: Id(7)] long ProfilesFailed,
    [property: Id(8)] string? Error);
