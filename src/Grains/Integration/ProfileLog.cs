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
}
