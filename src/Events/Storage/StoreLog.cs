using Microsoft.Extensions.Logging;

namespace MixpanelSync.Events.Storage;

/// <summary>Log messages of the event stores; event ids 2000-2099.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Event store schema ensured by {Store}")]
    public static partial void SchemaEnsured(ILogger logger, string store);

    [LoggerMessage(
        EventId = 2001,
        Level = LogLevel.Debug,
        Message = "Appended events for brand {BrandId}: {Accepted} accepted, {Duplicates} duplicates")]
    public static partial void EventsAppended(ILogger logger, string brandId, int accepted, int duplicates);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Cursor of brand {BrandId} is at {Cursor}")]
    public static partial void CursorCommitted(ILogger logger, string brandId, long cursor);

    [LoggerMessage(
        EventId = 2003,
        Level = LogLevel.Information,
        Message = "Stored {Count} dead letters for brand {BrandId}")]
    public static partial void DeadLettersAdded(ILogger logger, string brandId, int count);

    [LoggerMessage(
        EventId = 2004,
        Level = LogLevel.Information,
        Message = "Retention deleted for brand {BrandId}: {Pushed} pushed events, {Unpushable} events that will " +
            "never be pushed, {DeadLetters} dead letters")]
    public static partial void RetentionApplied(
        ILogger logger,
        string brandId,
        long pushed,
        long unpushable,
        long deadLetters);

    [LoggerMessage(
        EventId = 2005,
        Level = LogLevel.Information,
        Message = "Deleted an end user's data for brand {BrandId}: {Events} events, {DeadLetters} dead letters, " +
            "{Devices} devices")]
    public static partial void EndUserDeleted(
        ILogger logger,
        string brandId,
        long events,
        long deadLetters,
        int devices);

    [LoggerMessage(
        EventId = 2006,
        Level = LogLevel.Information,
        Message = "Purged brand {BrandId}: {Events} events, {DeadLetters} dead letters")]
    public static partial void BrandPurged(ILogger logger, string brandId, long events, long deadLetters);

    [LoggerMessage(
        EventId = 2007,
        Level = LogLevel.Debug,
        Message = "Checkpointed the write-ahead log of {Path}: {Bytes} bytes before, {Frames} frames")]
    public static partial void WalCheckpointed(ILogger logger, string path, long bytes, long frames);

    [LoggerMessage(
        EventId = 2008,
        Level = LogLevel.Warning,
        Message = "Could not truncate the write-ahead log of {Path} ({Bytes} bytes): a reader kept its snapshot " +
            "for over {TimeoutMs} ms; the next append that finds the log over the limit tries again")]
    public static partial void WalCheckpointBusy(ILogger logger, string path, long bytes, int timeoutMs);
}
