using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MixpanelSync.Api.Tests.Support;

namespace MixpanelSync.Api.Tests.Runs;

[Collection(ApiCollection.Name)]
public sealed class BackfillEndpointTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task Backfill_EventsBeforeConnecting_PreviewCountsAndRunSendsThem()
    {
        var brandId = ApiHostFixture.NewBrandId();
        using var client = fixture.CreateClient();
        var twoDaysAgo = DateTimeOffset.UtcNow.AddDays(-2);
        await Brands.IngestAsync(
            client,
            brandId,
            [Brands.Event("old-1", twoDaysAgo), Brands.Event("old-2", twoDaysAgo.AddHours(1))]);
        var token = await Brands.ConnectAsync(fixture, brandId);
        var from = DateTimeOffset.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // A regular run passes over events from before the connection time; only a backfill sends them.
        using var sync = await client.PostAsync(
            new Uri($"/api/v1/brands/{brandId}/integration/sync", UriKind.Relative),
            null);
        var regular = (await Brands.WaitForIdleAsync(client, brandId)).GetProperty("lastSync");
        var preview = await client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/brands/{brandId}/backfill/preview?from={from}");
        using var start = await client.PostAsJsonAsync($"/api/v1/brands/{brandId}/backfill", new { from });
        var run = await Json.ReadAsync(start);
        await Brands.WaitForIdleAsync(client, brandId);
        var backfill = await client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/brands/{brandId}/runs/{run.GetProperty("runId").GetString()}");
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/v1/brands/{brandId}/audit?limit=1");

        Assert.Equal(2, regular.GetProperty("eventsSkipped").GetInt64());
        Assert.Equal(2, preview.GetProperty("eventCount").GetInt64());
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.Equal("backfill", backfill.GetProperty("trigger").GetString());
        Assert.Equal(2, backfill.GetProperty("eventsImported").GetInt64());
        Assert.Equal(2, fixture.Emulator.GetDeduplicatedEvents(token).Count);
        Assert.Equal("backfill", audit.GetProperty("entries")[0].GetProperty("action").GetString());
    }

    [Theory]
    [InlineData("", "missing")]
    [InlineData("?from=yesterday", "not an ISO 8601 date")]
    [InlineData("?from=1969-12-31", "out of range")]
    [InlineData("?from=2999-01-01", "out of range")]
    public async Task Preview_InvalidFrom_Returns400NamingFrom(string query, string reason)
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(
            new Uri($"/api/v1/brands/{ApiHostFixture.NewBrandId()}/backfill/preview{query}", UriKind.Relative));

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Equal(["from"], Json.ErrorFields(problem));
        Assert.Contains(reason, Json.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidFrom_Returns400NamingFrom()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostAsJsonAsync(
            $"/api/v1/brands/{ApiHostFixture.NewBrandId()}/backfill",
            new { from = "last week" });

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Equal(["from"], Json.ErrorFields(problem));
    }

    [Fact]
    public async Task Start_NotConnected_Returns404()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostAsJsonAsync(
            $"/api/v1/brands/{ApiHostFixture.NewBrandId()}/backfill",
            new { from = "2026-01-01" });

        await Json.ReadProblemAsync(response, 404);
    }
}
