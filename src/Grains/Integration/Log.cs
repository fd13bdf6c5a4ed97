using Microsoft.Extensions.Logging;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Grains.Integration;

/// <summary>Log messages of the brand integration grain, event ids 1000 to 1099. No message carries a secret.</summary>
internal static partial class Log
{
    [LoggerMessage(
        1000,
        LogLevel.Information,
        "Brand {BrandId} connected its Mixpanel project in residency {Residency}")]
    public static partial void Connected(ILogger logger, string brandId, MixpanelResidency residency);

    [LoggerMessage(1001, LogLevel.Warning, "Brand {BrandId} failed to connect: {Failure}")]
    public static partial void ConnectFailed(ILogger logger, string brandId, ConnectFailure failure);

    [LoggerMessage(1002, LogLevel.Information, "Brand {BrandId} disconnected its Mixpanel project")]
    public static partial void Disconnected(ILogger logger, string brandId);

    [LoggerMessage(
        1003,
        LogLevel.Information,
        "Brand {BrandId} started run {RunId} ({Trigger}) from sequence {CursorFrom} to {HighWaterMark}")]
    public static partial void RunStarted(
        ILogger logger,
        string brandId,
        string runId,
        SyncTrigger trigger,
        long cursorFrom,
        long highWaterMark);

    [LoggerMessage(1004, LogLevel.Information, "Brand {BrandId} resumed run {RunId} from sequence {Position}")]
    public static partial void RunResumed(ILogger logger, string brandId, string runId, long position);

    [LoggerMessage(
        1005,
        LogLevel.Information,
        "Brand {BrandId} finished run {RunId}: {Outcome}, {EventsRead} read, {EventsSkipped} skipped, "
        + "{EventsImported} imported, {EventsRejected} rejected in {ElapsedMs} ms")]
    public static partial void RunFinished(
        ILogger logger,
        string brandId,
        string runId,
        SyncOutcome outcome,
        long eventsRead,
        long eventsSkipped,
        long eventsImported,
        long eventsRejected,
        long elapsedMs);

    [LoggerMessage(1006, LogLevel.Error, "Brand {BrandId} run {RunId} failed")]
    public static partial void RunCrashed(ILogger logger, Exception exception, string brandId, string runId);

    [LoggerMessage(
        1007,
        LogLevel.Error,
        "Brand {BrandId} run {RunId}: Mixpanel rejected the credentials; "
        + "scheduled runs pause until the token is updated")]
    public static partial void CredentialsRejected(ILogger logger, string brandId, string runId);

    [LoggerMessage(
        1008,
        LogLevel.Warning,
        "Brand {BrandId} run {RunId} ran out of retries; retrying the run at {RetryAt}")]
    public static partial void RunRetryScheduled(ILogger logger, string brandId, string runId, DateTimeOffset retryAt);

    [LoggerMessage(1009, LogLevel.Debug, "Brand {BrandId} next scheduled run is due at {DueAt}")]
    public static partial void NextRunScheduled(ILogger logger, string brandId, DateTimeOffset dueAt);

    [LoggerMessage(
        1013,
        LogLevel.Error,
        "Brand {BrandId} run {RunId} ended but its end could not be saved; the grain deactivates and the run "
        + "resumes from its saved position on the next activation")]
    public static partial void RunEndNotSaved(ILogger logger, Exception exception, string brandId, string runId);

    [LoggerMessage(
        1010,
        LogLevel.Warning,
        "Brand {BrandId} run {RunId} did not stop before deactivation timed out; it writes nothing more and "
        + "resumes on the next activation")]
    public static partial void RunAbandoned(ILogger logger, string brandId, string? runId);

    [LoggerMessage(
        1012,
        LogLevel.Information,
        "Brand {BrandId} run {RunId} stopped at sequence {Position} because the grain is deactivating; it resumes "
        + "on the next activation")]
    public static partial void RunSuspended(
        ILogger logger,
        Exception? exception,
        string brandId,
        string runId,
        long position);

    [LoggerMessage(
        1011,
        LogLevel.Debug,
        "Brand {BrandId} skipped {Count} dead letters that an earlier write stored before its progress was saved")]
    public static partial void DeadLettersAlreadyStored(ILogger logger, string brandId, int count);

    [LoggerMessage(
        1012,
        LogLevel.Warning,
        "Brand {BrandId} run {RunId}: the call that sent a batch of {EventCount} events failed in the cluster, "
        + "resend {Resend} of {MaxResends}")]
    public static partial void BatchResent(
        ILogger logger,
        Exception exception,
        string brandId,
        string runId,
        int eventCount,
        int resend,
        int maxResends);
}
