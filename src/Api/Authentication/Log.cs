namespace MixpanelSync.Api.Authentication;

/// <summary>
/// Log messages of API authentication, event ids 2000 to 2099. Keys appear only as their last 4 characters.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "Using the operator key from Api:OperatorKey, ending in {KeySuffix}")]
    public static partial void OperatorKeyConfigured(ILogger logger, string keySuffix);

    [LoggerMessage(
        2001,
        LogLevel.Warning,
        "Generated an operator key ending in {KeySuffix} and stored it in {KeyFile}; "
        + "set Api:OperatorKey to choose one")]
    public static partial void OperatorKeyGenerated(ILogger logger, string keyFile, string keySuffix);

    [LoggerMessage(2002, LogLevel.Information, "Using the operator key ending in {KeySuffix} from {KeyFile}")]
    public static partial void OperatorKeyLoaded(ILogger logger, string keyFile, string keySuffix);

    [LoggerMessage(2003, LogLevel.Warning, "The operator key file {KeyFile} was readable by others; it is now 0600")]
    public static partial void OperatorKeyFilePermissionsFixed(ILogger logger, string keyFile);

    [LoggerMessage(
        2006,
        LogLevel.Warning,
        "The operator key comes from {KeyFile}, which other silos do not share unless it is on shared storage; "
        + "set Api:OperatorKey on every silo of a cluster")]
    public static partial void OperatorKeyPerSilo(ILogger logger, string keyFile);

    [LoggerMessage(2004, LogLevel.Information, "Rejected an API key ending in {KeySuffix} for {Method} {Path}")]
    public static partial void KeyRejected(ILogger logger, string keySuffix, string method, string path);

    [LoggerMessage(2005, LogLevel.Information, "Rejected a malformed API key header for {Method} {Path}: {Reason}")]
    public static partial void MalformedKey(ILogger logger, string method, string path, string reason);
}
