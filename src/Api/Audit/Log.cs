namespace MixpanelSync.Api.Audit;

/// <summary>Log messages of the audit log, event ids 2100 to 2199.</summary>
internal static partial class Log
{
    [LoggerMessage(2100, LogLevel.Error, "Failed to write the audit entry of {Action} for brand {BrandId}")]
    public static partial void AuditWriteFailed(ILogger logger, Exception exception, string brandId, string action);
}
