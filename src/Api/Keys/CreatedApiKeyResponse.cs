namespace MixpanelSync.Api.Keys;

/// <summary>A new brand key, the only response that shows the key in full.</summary>
/// <param name="KeyId">The id that names the key in lists and in the revoke request.</param>
/// <param name="BrandId">The brand the key acts for.</param>
/// <param name="Key">The key. Store it now: only its SHA-256 is kept, so it cannot be shown again.</param>
/// <param name="MaskedKey">The key as lists show it: only its last 4 characters.</param>
/// <param name="CreatedAt">When the key was created.</param>
public sealed record CreatedApiKeyResponse(
    string KeyId,
    string BrandId,
    string Key,
    string MaskedKey,
    DateTimeOffset CreatedAt)
{
    /// <summary>Returns the response without the key, so that it cannot leak through logs.</summary>
    public override string ToString() => $"CreatedApiKeyResponse {{ KeyId = {KeyId}, MaskedKey = {MaskedKey} }}";
}
