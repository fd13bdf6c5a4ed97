namespace MixpanelSync.Events.Storage;

/// <summary>What deleting one end user's data removed.</summary>
/// <param name="EventsDeleted">Deleted events.</param>
/// <param name="DeadLettersDeleted">Deleted dead letters.</param>
/// <param name="UserIds">The user ids whose data was deleted.</param>
/// <param name="DeviceIds">The device ids whose anonymous events were deleted, sorted.</param>
public sealed record EndUserDeletion(
    long EventsDeleted,
    long DeadLettersDeleted,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<string> DeviceIds);
