using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MixpanelSync.Silo.Health;

/// <summary>Reports ready once this silo has joined the cluster and can serve grain calls.</summary>
internal sealed class SiloReadinessCheck(ISiloStatusOracle statusOracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        var status = statusOracle.CurrentStatus;
        var result = status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {statusOracle.SiloAddress} is active.")
            : HealthCheckResult.Unhealthy($"Silo {statusOracle.SiloAddress} is {status}, not active.");
        return Task.FromResult(result);
    }
}
