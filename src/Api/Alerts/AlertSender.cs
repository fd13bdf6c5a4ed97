using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using MixpanelSync.Api.Hosting;

namespace MixpanelSync.Api.Alerts;

/// <summary>
/// POSTs queued alerts to <see cref="ApiOptions.AlertWebhookUrl"/> one at a time, in the order they were queued.
/// The HTTP client retries transient failures; an alert that still fails is logged and dropped.
/// </summary>
internal sealed class AlertSender(
    AlertMonitor monitor,
    IHttpClientFactory httpClients,
    IOptions<ApiOptions> options,
    ILogger<AlertSender> logger) : BackgroundService
{
    /// <summary>The name of the HTTP client that sends alerts.</summary>
    public const string HttpClientName = "alerts";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.AlertWebhookUrl is not { } webhook)
        {
            return;
        }

        await foreach (var message in monitor.Queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var client = httpClients.CreateClient(HttpClientName);
                using var response = await client.PostAsJsonAsync(webhook, message, stoppingToken);
                if (response.IsSuccessStatusCode)
                {
                    Log.AlertSent(logger, message.BrandId, message.Alert);
                }
                else
                {
                    Log.AlertRejected(logger, message.BrandId, message.Alert, (int)response.StatusCode);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException
                or Polly.Timeout.TimeoutRejectedException
                or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                Log.AlertFailed(logger, exception, message.BrandId, message.Alert);
            }
        }
    }
}
