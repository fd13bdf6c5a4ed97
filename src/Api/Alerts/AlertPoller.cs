using Microsoft.Extensions.Options;
using MixpanelSync.Api.Hosting;

namespace MixpanelSync.Api.Alerts;

/// <summary>Checks the state of recently active brands every <see cref="ApiOptions.AlertPollInterval"/>.</summary>
/// <remarks>
/// NOTE: each silo watches the brands whose API requests it served, and forgets them on restart, so a brand that
/// stops calling the API is watched for <see cref="ApiOptions.AlertWatchPeriod"/> at most.
/// </remarks>
internal sealed class AlertPoller(
    AlertMonitor monitor,
    IOptions<ApiOptions> options,
    TimeProvider time,
    ILogger<AlertPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!monitor.IsEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.AlertPollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var brandId in monitor.TakeWatchedBrands())
            {
                try
                {
                    await monitor.CheckAsync(brandId);
                }
                catch (Exception exception) when (exception is OrleansException or TimeoutException)
                {
                    Log.ObserveFailed(logger, exception, brandId);
                }
            }
        }
    }
}
