using Microsoft.Extensions.Logging;

namespace MixpanelSync.Mixpanel;

/// <summary>Log messages of the delivery library; event ids 1000 to 1099.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Warning,
        "Retrying {Endpoint} request for {EventCount} events to {Target} after {Outcome} on attempt {Attempt}; "
        + "waiting {DelayMs} ms")]
    public static partial void RetryingRequest(
        ILogger logger, string endpoint, int eventCount, string target, string outcome, int attempt, long delayMs);

    [LoggerMessage(1002, LogLevel.Error,
        "Mixpanel responded {StatusCode} to {Endpoint} for {Target}: the credentials were rejected. "
        + "Check the project token (or the service account, its role and the project id) and that the data "
        + "residency matches the project's host {Host}. Sending stops until this is fixed")]
    public static partial void CredentialsRejected(
        ILogger logger, int statusCode, string endpoint, string target, string host);

    [LoggerMessage(1003, LogLevel.Warning,
        "Mixpanel rejected {RejectedCount} of {EventCount} events sent to {Target}; first failure: {Field}: {Message}")]
    public static partial void EventsRejected(
        ILogger logger, int rejectedCount, int eventCount, string target, string? field, string? message);

    [LoggerMessage(1004, LogLevel.Warning,
        "Mixpanel responded with 413 for a batch of {EventCount} events ({UncompressedBytes} bytes) to {Target}; "
        + "splitting it in halves")]
    public static partial void SplittingBatch(ILogger logger, int eventCount, long uncompressedBytes, string target);

    [LoggerMessage(1005, LogLevel.Error,
        "Sending {EventCount} events to {Target} failed after {Attempts} attempts; last outcome: {Outcome}")]
    public static partial void RetriesExhausted(
        ILogger logger, int eventCount, string target, int attempts, string outcome);

    [LoggerMessage(1006, LogLevel.Error,
        "Mixpanel responded {StatusCode} to {Endpoint} for {Target} with an unexpected body; "
        + "{EventCount} events are reported failed. Body starts: {BodyPrefix}")]
    public static partial void UnexpectedResponse(
        ILogger logger, int statusCode, string endpoint, string target, int eventCount, string bodyPrefix);

    [LoggerMessage(1007, LogLevel.Debug,
        "Sent {EventCount} events to {Target}: {ImportedCount} imported, {RejectedCount} rejected, "
        + "{FailedCount} failed in {Requests} requests")]
    public static partial void BatchSent(
        ILogger logger,
        int eventCount,
        string target,
        int importedCount,
        int rejectedCount,
        int failedCount,
        int requests);

    [LoggerMessage(1008, LogLevel.Warning,
        "Mixpanel reported {ReportedCount} events imported for {Target} where {ExpectedCount} were expected")]
    public static partial void ImportCountMismatch(ILogger logger, int reportedCount, int expectedCount, string target);

    [LoggerMessage(1009, LogLevel.Warning,
        "Mixpanel's failed record index {Index} (insert id {InsertId}) matches no event of the batch of "
        + "{EventCount} sent to {Target}")]
    public static partial void UnmatchedFailedRecord(
        ILogger logger, int index, string? insertId, int eventCount, string target);

    [LoggerMessage(1020, LogLevel.Information,
        "Delivery to {Target} started with up to {MaxConcurrentRequests} requests in flight")]
    public static partial void RunStarted(ILogger logger, string target, int maxConcurrentRequests);

    [LoggerMessage(1021, LogLevel.Information,
        "Delivery to {Target} finished: {ImportedCount} imported, {RejectedCount} rejected, {FailedCount} failed "
        + "in {Batches} batches")]
    public static partial void RunFinished(
        ILogger logger, string target, long importedCount, long rejectedCount, long failedCount, long batches);

    [LoggerMessage(1022, LogLevel.Error,
        "Delivery to {Target} stopped because Mixpanel rejected the credentials; "
        + "{FailedCount} events were reported failed")]
    public static partial void RunStoppedOnCredentials(ILogger logger, string target, long failedCount);

    [LoggerMessage(1023, LogLevel.Warning,
        "Mixpanel is rate limiting {Target}; allowing {Limit} requests in flight")]
    public static partial void ConcurrencyReduced(ILogger logger, string target, int limit);

    [LoggerMessage(1024, LogLevel.Debug,
        "Event {SourceKey} for {Target} was rejected before sending: {Code} at {Field}: {Message}")]
    public static partial void EventRejected(
        ILogger logger, long sourceKey, string target, ValidationCode code, string field, string message);
}
