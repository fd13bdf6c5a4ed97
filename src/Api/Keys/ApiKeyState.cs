namespace MixpanelSync.Api.Keys;

/// <summary>The persisted state of <see cref="ApiKeyGrain"/>.</summary>
[GenerateSerializer]
[Alias("mixpanel-sync.api-key-state")]
internal sealed class ApiKeyState
{
    [Id(0)]
    public ApiKeyInfo? Key { get; set; }
}
