namespace MixpanelSync.Api.Keys;

/// <summary>
/// The registry entry of one brand key, keyed by the key's lower-case hex SHA-256, so that any silo can find the
/// brand of a presented key without a scan.
/// </summary>
[Alias("mixpanel-sync.api-key")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Stores the key's record; a key hash that is already registered is left as it is.</summary>
    [Alias("register")]
    Task RegisterAsync(ApiKeyInfo key);

    /// <summary>Returns the key's record, or <see langword="null"/> when no key has this hash.</summary>
    [Alias("get")]
    Task<ApiKeyInfo?> GetAsync();

    /// <summary>Marks the key revoked; it authenticates no more. Revoking twice keeps the first time.</summary>
    [Alias("revoke")]
    Task RevokeAsync(DateTimeOffset revokedAt);
}
