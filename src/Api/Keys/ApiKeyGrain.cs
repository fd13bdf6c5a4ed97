namespace MixpanelSync.Api.Keys;

/// <inheritdoc cref="IApiKeyGrain"/>
internal sealed class ApiKeyGrain(
    [PersistentState("apiKey")] IPersistentState<ApiKeyState> state) : Grain, IApiKeyGrain
{
    public async Task RegisterAsync(ApiKeyInfo key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (state.State.Key is not null)
        {
            return;
        }

        state.State.Key = key;
        await state.WriteStateAsync();
    }

    public Task<ApiKeyInfo?> GetAsync() => Task.FromResult(state.State.Key);

    public async Task RevokeAsync(DateTimeOffset revokedAt)
    {
        if (state.State.Key is not { IsActive: true } key)
        {
            return;
        }

        state.State.Key = key with { RevokedAt = revokedAt };
        await state.WriteStateAsync();
    }
}
