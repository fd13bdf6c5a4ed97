using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MixpanelSync.Testing.Processes;

namespace MixpanelSync.Api.Tests.Support;

/// <summary>An HTTP listener on 127.0.0.1 that records the JSON bodies POSTed to <c>/alerts</c>.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonElement> _alerts;

    private WebhookReceiver(WebApplication app, ConcurrentQueue<JsonElement> alerts, Uri url)
    {
        _app = app;
        _alerts = alerts;
        Url = url;
    }

    /// <summary>The URL to configure as the alert webhook.</summary>
    public Uri Url { get; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var alerts = new ConcurrentQueue<JsonElement>();
        app.MapPost("/alerts", (JsonElement alert) =>
        {
            alerts.Enqueue(alert.Clone());
            return Results.NoContent();
        });
        await app.StartAsync();
        return new WebhookReceiver(app, alerts, new Uri($"http://127.0.0.1:{port}/alerts"));
    }

    /// <summary>Waits for an alert of a brand with the given kind, or fails listing what arrived.</summary>
    public async Task<JsonElement> WaitForAlertAsync(string brandId, string alert, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var match = AlertsOf(brandId).FirstOrDefault(body => body.GetProperty("alert").GetString() == alert);
            if (match.ValueKind == JsonValueKind.Object)
            {
                return match;
            }

            await Task.Delay(100);
        }

        var received = string.Join("\n", AlertsOf(brandId).Select(body => body.GetRawText()));
        throw new TimeoutException($"No '{alert}' alert for {brandId} within {timeout}. Received:\n{received}");
    }

    /// <summary>Returns the alerts received for a brand, oldest first.</summary>
    public IReadOnlyList<JsonElement> AlertsOf(string brandId) =>
        [.. _alerts.Where(body => body.GetProperty("brandId").GetString() == brandId)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
