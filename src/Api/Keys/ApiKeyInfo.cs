namespace MixpanelSync.Api.Keys;

/// <summary>A brand key as stored: never the key itself, only its SHA-256 and last 4 characters.</summary>
/// <param name="KeyId">The id that names the key in lists and in the revoke request.</param>
/// <param name="BrandId">The brand the key acts for.</param>
/// <param name="KeyHash">The lower-case hex SHA-256 of the key, which keys its <see cref="IApiKeyGrain"/>.</param>
/// <param name="Suffix">The key's last 4 characters.</param>
/// <param name="CreatedAt">When the key was created.</param>
/// <param name="RevokedAt">When the key was revoked, or <see langword="null"/> while it is valid.</param>
[GenerateSerializer]
[Alias("mixpanel-sync.api-key-info")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string BrandId,
    [property: Id(2)] string KeyHash,
    [property: Id(3)] string Suffix,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? RevokedAt)
{
    /// <summary>Whether the key still authenticates.</summary>
    public bool IsActive => RevokedAt is null;
}
