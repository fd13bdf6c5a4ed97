using Microsoft.Extensions.Logging;
using MixpanelSync.GrainInterfaces.Delivery;

namespace MixpanelSync.Grains.Delivery;

/// <summary>
/// Log messages of batch delivery, event ids 1100 to 1199. The delivery library logs each retry and rejection
/// itself, without secrets.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(
        1101,
        LogLevel.Error,
        "Brand {BrandId} run {RunId}: a batch of {BatchSize} events was not delivered ({Outcome}): {Error}")]
    public static partial void BatchNotDelivered(
        ILogger logger,
        string brandId,
        string runId,
        int batchSize,
        BatchOutcome outcome,
        string? error);

    [LoggerMessage(
        1102,
        LogLevel.Warning,
        "Brand {BrandId} run {RunId}: Mixpanel returned 429 {Count} times; shrinking the project's rate budget")]
    public static partial void BatchThrottled(ILogger logger, string brandId, string runId, int count);

    [LoggerMessage(
        1103,
        LogLevel.Debug,
        "Brand {BrandId} run {RunId}: the project's rate budget is used up; asking again in {DelayMs} ms")]
    public static partial void WaitingForBudget(ILogger logger, string brandId, string runId, long delayMs);
}
