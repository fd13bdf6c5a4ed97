namespace MixpanelSync.Api.Keys;

/// <summary>A brand key as lists show it.</summary>
/// <param name="KeyId">The id that names the key in the revoke request.</param>
/// <param name="MaskedKey">The key with all but its last 4 characters masked.</param>
/// <param name="CreatedAt">When the key was created.</param>
/// <param name="RevokedAt">When the key was revoked, or <see langword="null"/> while it is active.</param>
public sealed record ApiKeyResponse(
    string KeyId,
    string MaskedKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    internal static ApiKeyResponse From(ApiKeyInfo key) =>
        new(key.KeyId, Authentication.ApiKeySecrets.Mask(key.Suffix), key.CreatedAt, key.RevokedAt);
}
