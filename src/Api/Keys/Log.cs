namespace MixpanelSync.Api.Keys;

/// <summary>
/// Log messages of brand key management, event ids 2300 to 2399. Keys appear only as their last 4 characters.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(2300, LogLevel.Information, "Created key {KeyId} ending in {KeySuffix} for brand {BrandId}")]
    public static partial void KeyCreated(ILogger logger, string brandId, string keyId, string keySuffix);

    [LoggerMessage(2301, LogLevel.Information, "Revoked key {KeyId} ending in {KeySuffix} of brand {BrandId}")]
    public static partial void KeyRevoked(ILogger logger, string brandId, string keyId, string keySuffix);
}
