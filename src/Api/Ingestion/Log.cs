namespace MixpanelSync.Api.Ingestion;

/// <summary>Log messages of event ingestion, event ids 2400 to 2499.</summary>
internal static partial class Log
{
    [LoggerMessage(
        2400,
        LogLevel.Debug,
        "Brand {BrandId} sent {Received} events: {Accepted} stored, {Duplicates} duplicates, {Rejected} rejected")]
    public static partial void EventsIngested(
        ILogger logger,
        string brandId,
        int received,
        int accepted,
        int duplicates,
        int rejected);

    [LoggerMessage(2401, LogLevel.Information, "Refused an ingestion body of brand {BrandId} with status {StatusCode}")]
    public static partial void BodyRefused(ILogger logger, string brandId, int? statusCode);
}
