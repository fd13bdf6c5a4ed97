namespace MixpanelSync.Api.Keys;

/// <summary>The list of one brand's keys, keyed by brand id; it registers and revokes them in the registry.</summary>
[Alias("mixpanel-sync.brand-api-keys")]
public interface IBrandApiKeysGrain : IGrainWithStringKey
{
    /// <summary>Registers a new key in the registry and adds it to the brand's list.</summary>
    [Alias("add")]
    Task AddAsync(ApiKeyInfo key);

    /// <summary>Lists the brand's keys, revoked ones included, oldest first.</summary>
    [Alias("list")]
    Task<IReadOnlyList<ApiKeyInfo>> ListAsync();

    /// <summary>
    /// Revokes a key of the brand. Returns the revoked key, or <see langword="null"/> when the brand has no key
    /// with that id.
    /// </summary>
    [Alias("revoke")]
    Task<ApiKeyInfo?> RevokeAsync(string keyId, DateTimeOffset revokedAt);
}
