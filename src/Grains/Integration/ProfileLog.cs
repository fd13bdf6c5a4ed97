using Microsoft.Extensions.Logging;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Integration;

/// <summary>Log messages of user profile pushes and deletions, event ids 1050 to 1069.</summary>
internal static partial class ProfileLog
{
    [LoggerMessage(
        1050,
        LogLevel.Information,
        "Brand {BrandId} run {RunId} pushed user profiles: {ProfilesSent} sent, {ProfilesFailed} failed")]
    public static partial void ProfilesPushed(
        ILogger logger,
        string brandId,
        string runId,
        long profilesSent,
        long profilesFailed);

    [LoggerMessage(
        1051,
        LogLevel.Warning,
        "Brand {BrandId} run {RunId}: a batch of {UpdateCount} profile updates ended with {Status}: {Error}")]
    public static partial void ProfileBatchFailed(
        ILogger logger,
        string brandId,
        string runId,
        int updateCount,
        BatchStatus status,
        string? error);

    [LoggerMessage(
        1052,
        LogLevel.Information,
        "Brand {BrandId} deleted an end user's {EventCount} events and sent profile deletions to Mixpanel: "
        + "{ProfilesDeleted} accepted, {ProfilesFailed} failed")]
    public static partial void EndUserDeleted(
        ILogger logger,
        string brandId,
        long eventCount,
        long profilesDeleted,
        long profilesFailed);

    [LoggerMessage(
        1053,
        LogLevel.Information,
        "Brand {BrandId} deleted an end user's {EventCount} events; it is not connected, so the {DistinctIdCount} "
        + "profiles in Mixpanel were not deleted")]
    public static partial void EndUserDeletedLocally(
        ILogger logger,
        string brandId,
        long eventCount,
        int distinctIdCount);
}
