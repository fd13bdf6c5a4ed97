using MixpanelSync.Api.Http;
using MixpanelSync.Api.Runs;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Integration;

/// <summary>A brand's Mixpanel integration, without secrets.</summary>
/// <param name="BrandId">The brand.</param>
/// <param name="State">
/// <c>connected</c>, <c>syncing</c>, <c>degraded</c>, <c>error</c>, <c>disconnected</c> or <c>notConnected</c>.
/// </param>
/// <param name="StateReason">Why the integration is degraded or in error, or <see langword="null"/>.</param>
/// <param name="MaskedToken">The project token with all but its last 4 characters masked.</param>
/// <param name="Residency"><c>us</c>, <c>eu</c> or <c>india</c>.</param>
/// <param name="UsesServiceAccount">Whether /import authenticates with a service account.</param>
/// <param name="Schedule">The schedule, or <see langword="null"/> when never connected.</param>
/// <param name="Mapping">The mapping settings that the next run uses.</param>
/// <param name="ConnectedSince">When the project was connected; earlier events are sent only by a backfill.</param>
/// <param name="NextSyncAt">When the next scheduled run is due, or <see langword="null"/>.</param>
/// <param name="RetryAt">When a failed run is tried again, or <see langword="null"/>.</param>
/// <param name="CurrentRun">The run in progress, or <see langword="null"/>.</param>
/// <param name="LastSync">The last finished run, or <see langword="null"/>.</param>
public sealed record IntegrationResponse(
    string BrandId,
    string State,
    string? StateReason,
    string? MaskedToken,
    string Residency,
    bool UsesServiceAccount,
    ScheduleResponse? Schedule,
    MappingResponse Mapping,
    DateTimeOffset? ConnectedSince,
    DateTimeOffset? NextSyncAt,
    DateTimeOffset? RetryAt,
    RunResponse? CurrentRun,
    RunResponse? LastSync)
{
    internal static IntegrationResponse From(IntegrationStatus status) => new(
        status.BrandId,
        ApiText.Of(status.State),
        status.StateReason,
        status.MaskedToken,
        ApiText.Of(status.Residency),
        status.UsesServiceAccount,
        status.Schedule is null ? null : ScheduleResponse.From(status.Schedule),
        MappingResponse.From(status.Mapping),
        status.ConnectedAt,
        status.NextRunAt,
        status.RetryAt,
        status.CurrentRun is null ? null : RunResponse.From(status.CurrentRun),
        status.LastRun is null ? null : RunResponse.From(status.LastRun));
}
