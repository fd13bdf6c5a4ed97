namespace MixpanelSync.Cli.Api;

/// <summary>A brand's Mixpanel integration as <c>GET /api/v1/brands/{brandId}/integration</c> returns it.</summary>
internal sealed record IntegrationResponse(
    string BrandId,
    string State,
    string? StateReason,
    string? MaskedToken,
    string Residency,
    bool UsesServiceAccount,
    ScheduleResponse? Schedule,
    MappingResponse? Mapping,
    DateTimeOffset? ConnectedSince,
    DateTimeOffset? NextSyncAt,
    DateTimeOffset? RetryAt,
    RunResponse? CurrentRun,
    RunResponse? LastSync);
