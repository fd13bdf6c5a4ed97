namespace MixpanelSync.Api.Keys;

/// <inheritdoc cref="IBrandApiKeysGrain"/>
internal sealed class BrandApiKeysGrain(
    [PersistentState("brandApiKeys")] IPersistentState<BrandApiKeysState> state) : Grain, IBrandApiKeysGrain
{
    public async Task AddAsync(ApiKeyInfo key)
    {
        ArgumentNullException.ThrowIfNull(key);

        // The registry entry comes first: a key listed here but missing there would look valid and never work.
        await GrainFactory.GetGrain<IApiKeyGrain>(key.KeyHash).RegisterAsync(key);
        state.State.Keys.Add(key);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ApiKeyInfo>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ApiKeyInfo>>([.. state.State.Keys]);

    public async Task<ApiKeyInfo?> RevokeAsync(string keyId, DateTimeOffset revokedAt)
    {
        var index = state.State.Keys.FindIndex(key => key.KeyId == keyId);
        if (index < 0)
        {
            return null;
        }

        var key = state.State.Keys[index];
        await GrainFactory.GetGrain<IApiKeyGrain>(key.KeyHash).RevokeAsync(revokedAt);
        if (key.IsActive)
        {
            key = key with { RevokedAt = revokedAt };
            state.State.Keys[index] = key;
            await state.WriteStateAsync();
        }

        return key;
    }
}
