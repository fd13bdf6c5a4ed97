using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.EndUsers;

/// <summary>What deleting one end user's data removed here and sent to Mixpanel.</summary>
/// <param name="UserIds">The user ids whose data was deleted.</param>
/// <param name="DeviceIds">The device ids whose anonymous events were deleted.</param>
/// <param name="EventsDeleted">Stored events deleted.</param>
/// <param name="RejectedEventsDeleted">Stored rejected events (dead letters) deleted.</param>
/// <param name="Mixpanel">What was sent to the brand's Mixpanel project.</param>
public sealed record EndUserDeletionResponse(
    IReadOnlyList<string> UserIds,
    IReadOnlyList<string> DeviceIds,
    long EventsDeleted,
    long RejectedEventsDeleted,
    MixpanelDeletionResponse Mixpanel)
{
    internal static EndUserDeletionResponse From(EndUserDeletionResult result) => new(
        result.UserIds,
        result.DeviceIds,
        result.EventsDeleted,
        result.DeadLettersDeleted,
        MixpanelDeletionResponse.From(result));
}
