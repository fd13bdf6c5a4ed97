using System.Net;
using MixpanelSync.Api.Tests.Support;

namespace MixpanelSync.Api.Tests.Alerts;

[Collection(ApiCollection.Name)]
public sealed class AlertTests(ApiHostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Webhook_ErrorAndRecovery_AreEachAlertedOnce()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var token = await Brands.ConnectAsync(fixture, brandId);
        using var client = fixture.CreateClient();
        await Brands.IngestAsync(client, brandId, [Brands.Event("alert-1", DateTimeOffset.UtcNow.AddSeconds(5))]);
        fixture.Emulator.GetFaults(token).RevokeToken();

        using var sync = await client.PostAsync(
            new Uri($"/api/v1/brands/{brandId}/integration/sync", UriKind.Relative),
            null);
        var error = await fixture.Webhook.WaitForAlertAsync(brandId, "enteredError", Timeout);
        fixture.Emulator.GetFaults(token).Clear();
        using var update = await Json.PatchAsync(
            client,
            $"/api/v1/brands/{brandId}/integration",
            new { projectToken = token });
        var recovered = await fixture.Webhook.WaitForAlertAsync(brandId, "recovered", Timeout);
        await Task.Delay(500);

        Assert.Equal(HttpStatusCode.Accepted, sync.StatusCode);
        Assert.Equal("error", error.GetProperty("state").GetString());
        Assert.Contains("401", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("connected", recovered.GetProperty("state").GetString());
        Assert.Equal("error", recovered.GetProperty("previousState").GetString());
        Assert.Equal(
            ["enteredError", "recovered"],
            fixture.Webhook.AlertsOf(brandId).Select(alert => alert.GetProperty("alert").GetString()));
        Assert.DoesNotContain(token, string.Join(" ", fixture.Webhook.AlertsOf(brandId)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_HealthyBrand_GetsNoAlert()
    {
        var brandId = ApiHostFixture.NewBrandId();
        await Brands.ConnectAsync(fixture, brandId);
        using var client = fixture.CreateClient();

        using var sync = await client.PostAsync(
            new Uri($"/api/v1/brands/{brandId}/integration/sync", UriKind.Relative),
            null);
        await Brands.WaitForIdleAsync(client, brandId);
        await Task.Delay(600);

        Assert.Empty(fixture.Webhook.AlertsOf(brandId));
    }
}
