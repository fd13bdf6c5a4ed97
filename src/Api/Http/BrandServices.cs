using MixpanelSync.Api.Alerts;
using MixpanelSync.Api.Audit;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Api.Http;

/// <summary>The services the brand endpoints share, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Grains">The Orleans grain factory.</param>
/// <param name="Audit">The audit log.</param>
/// <param name="Alerts">The state alert monitor.</param>
internal sealed record BrandServices(IGrainFactory Grains, AuditLog Audit, AlertMonitor Alerts)
{
    public IBrandIntegrationGrain Integration(string brandId) => Grains.GetGrain<IBrandIntegrationGrain>(brandId);
}
