using Microsoft.Extensions.Logging;

namespace MixpanelSync.Grains.Delivery;

/// <summary>Log messages of batch delivery, event ids 1100 to 1199.</summary>
internal static partial class Log
{
    [LoggerMessage(
        1100,
        LogLevel.Warning,
        "Brand {BrandId} run {RunId}: /import returned {StatusCode} on attempt {Attempt}; retrying in {DelayMs} ms")]
    public static partial void BatchRetrying(
        ILogger logger,
        string brandId,
        string runId,
        int statusCode,
        int attempt,
        long delayMs);

    [LoggerMessage(
        1101,
        LogLevel.Error,
        "Brand {BrandId} run {RunId}: a batch of {BatchSize} events ran out of retries: {Error}")]
    public static partial void BatchRetriesExhausted(
        ILogger logger,
        string brandId,
        string runId,
        int batchSize,
        string? error);
}
