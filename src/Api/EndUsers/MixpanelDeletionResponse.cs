using MixpanelSync.Api.Http;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.EndUsers;

/// <summary>The profile deletions sent to the brand's Mixpanel project, and what stays there.</summary>
/// <param name="ProfileStatus">
/// <c>sent</c> (Mixpanel accepted every profile deletion), <c>failed</c> (at least one was rejected or not
/// delivered) or <c>notConnected</c> (nothing was sent).
/// </param>
/// <param name="DistinctIds">The user's distinct_ids in Mixpanel under the brand's identity mode.</param>
/// <param name="ProfileDeletesSent">
/// The number of <c>/engage</c> <c>$delete</c> updates sent, one per distinct_id, each with <c>$ignore_alias</c>
/// true; 0 when not connected.
/// </param>
/// <param name="ProfilesDeleted">Profile deletions that Mixpanel accepted.</param>
/// <param name="ProfilesFailed">Profile deletions that were rejected or not delivered.</param>
/// <param name="Error">Why profile deletions failed, when they did.</param>
/// <param name="Message">A sentence saying what was sent.</param>
/// <param name="EventsInMixpanel">What happens to the events already pushed to Mixpanel.</param>
public sealed record MixpanelDeletionResponse(
    string ProfileStatus,
    IReadOnlyList<string> DistinctIds,
    long ProfileDeletesSent,
    long ProfilesDeleted,
    long ProfilesFailed,
    string? Error,
    string Message,
    string EventsInMixpanel)
{
    /// <summary>The statement about pushed events, which a profile deletion never removes.</summary>
    internal const string EventsStay =
        "Events already pushed to Mixpanel stay in the project: a profile $delete through /engage removes the "
        + "profile and its properties only. To delete the events too, the brand submits a deletion request for "
        + "these distinct_ids in Mixpanel, through the end user data deletion form in its project or "
        + "Mixpanel's GDPR deletion API.";

    internal static MixpanelDeletionResponse From(EndUserDeletionResult result)
    {
        var sent = result.ProfileStatus == ProfileDeletionStatus.NotConnected ? 0 : result.DistinctIds.Count;
        return new MixpanelDeletionResponse(
            ApiText.Of(result.ProfileStatus),
            result.DistinctIds,
            sent,
            result.ProfilesDeleted,
            result.ProfilesFailed,
            result.Error,
            MessageOf(result),
            EventsStay);
    }

    private static string MessageOf(EndUserDeletionResult result) => result.ProfileStatus switch
    {
        ProfileDeletionStatus.NotConnected =>
            "The brand has no connected Mixpanel project, so no profile deletion was sent and any profiles of "
            + "these distinct_ids in Mixpanel remain. The stored data was deleted.",
        ProfileDeletionStatus.Sent =>
            $"Sent a profile $delete for {result.DistinctIds.Count} distinct_ids to Mixpanel's /engage, which "
            + $"accepted {result.ProfilesDeleted}.",
        _ =>
            $"Sent a profile $delete for {result.DistinctIds.Count} distinct_ids to Mixpanel's /engage: "
            + $"{result.ProfilesDeleted} accepted, {result.ProfilesFailed} rejected or not delivered. Send the "
            + "request again to retry; the stored data is already deleted.",
    };
}
