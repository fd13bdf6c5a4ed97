namespace MixpanelSync.Api.Alerts;

/// <summary>Log messages of state alerts, event ids 2200 to 2299.</summary>
internal static partial class Log
{
    [LoggerMessage(2200, LogLevel.Information, "Queued alert {Alert} for brand {BrandId}, now in state {State}")]
    public static partial void AlertQueued(ILogger logger, string brandId, string alert, string state);

    [LoggerMessage(2201, LogLevel.Information, "Sent alert {Alert} for brand {BrandId} to the webhook")]
    public static partial void AlertSent(ILogger logger, string brandId, string alert);

    [LoggerMessage(
        2202,
        LogLevel.Error,
        "The alert webhook returned {StatusCode} to alert {Alert} for brand {BrandId}; the alert is dropped")]
    public static partial void AlertRejected(ILogger logger, string brandId, string alert, int statusCode);

    [LoggerMessage(2203, LogLevel.Error, "Failed to send alert {Alert} for brand {BrandId}; the alert is dropped")]
    public static partial void AlertFailed(ILogger logger, Exception exception, string brandId, string alert);

    [LoggerMessage(2204, LogLevel.Warning, "Failed to check the state of brand {BrandId} for alerts")]
    public static partial void ObserveFailed(ILogger logger, Exception exception, string brandId);
}
