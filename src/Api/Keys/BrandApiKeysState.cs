namespace MixpanelSync.Api.Keys;

/// <summary>The persisted state of <see cref="BrandApiKeysGrain"/>.</summary>
[GenerateSerializer]
[Alias("mixpanel-sync.brand-api-keys-state")]
internal sealed class BrandApiKeysState
{
    [Id(0)]
    public List<ApiKeyInfo> Keys { get; set; } = [];
}
