using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MixpanelSync.Api.Hosting;
using MixpanelSync.Api.Keys;

namespace MixpanelSync.Api.Authentication;

/// <summary>
/// Finds the brand of a presented brand key through the key registry grains, caching each result (found or not)
/// for <see cref="ApiOptions.KeyCacheDuration"/>.
/// </summary>
internal sealed class BrandKeyResolver(IGrainFactory grains, IOptions<ApiOptions> options) : IDisposable
{
    // Each entry has size 1, so the cache contains at most this many keys; unknown keys cannot grow it without bound.
    private const int MaxCachedKeys = 100_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxCachedKeys });

    /// <summary>Returns the active key with this value, or <see langword="null"/> when unknown or revoked.</summary>
    public async Task<ApiKeyInfo?> FindAsync(string presentedKey)
    {
        if (!presentedKey.StartsWith(ApiKeySecrets.BrandKeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = ApiKeySecrets.Hash(presentedKey);
        if (_cache.TryGetValue(hash, out ApiKeyInfo? cached))
        {
            return cached;
        }

        var key = await grains.GetGrain<IApiKeyGrain>(hash).GetAsync();
        var active = key is { IsActive: true } ? key : null;
        _cache.Set(hash, active, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = options.Value.KeyCacheDuration,
            Size = 1,
        });
        return active;
    }

    /// <summary>Drops the cached result for a key hash, so that a revocation applies at once on this silo.</summary>
    public void Forget(string keyHash) => _cache.Remove(keyHash);

    public void Dispose() => _cache.Dispose();
}
