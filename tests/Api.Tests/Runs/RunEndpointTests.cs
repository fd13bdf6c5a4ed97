using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MixpanelSync.Api.Tests.Support;

namespace MixpanelSync.Api.Tests.Runs;

[Collection(ApiCollection.Name)]
public sealed class RunEndpointTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task Runs_AfterSyncNow_ListAndDetailShowTheRun()
    {
        var brandId = ApiHostFixture.NewBrandId();
        await Brands.ConnectAsync(fixture, brandId);
        using var client = fixture.CreateClient();
        await Brands.IngestAsync(client, brandId, [Brands.Event("run-1", DateTimeOffset.UtcNow.AddSeconds(5))]);
        using var sync = await client.PostAsync(
            new Uri($"/api/v1/brands/{brandId}/integration/sync", UriKind.Relative),
            null);
        var runId = (await Json.ReadAsync(sync)).GetProperty("runId").GetString();
        await Brands.WaitForIdleAsync(client, brandId);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/brands/{brandId}/runs?limit=10");
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/brands/{brandId}/runs/{runId}");

        var run = Assert.Single(list.EnumerateArray());
        Assert.Equal(runId, run.GetProperty("runId").GetString());
        Assert.Equal(runId, detail.GetProperty("runId").GetString());
        Assert.Equal("manual", detail.GetProperty("trigger").GetString());
        Assert.Equal("succeeded", detail.GetProperty("outcome").GetString());
        Assert.Equal(1, detail.GetProperty("eventsImported").GetInt64());
        Assert.True(detail.GetProperty("durationMs").GetInt64() >= 0);
    }

    [Fact]
    public async Task Runs_UnknownRunId_Returns404()
    {
        var brandId = ApiHostFixture.NewBrandId();
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(new Uri($"/api/v1/brands/{brandId}/runs/nope", UriKind.Relative));

        var problem = await Json.ReadProblemAsync(response, 404);
        Assert.Contains("nope", Json.Detail(problem), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public async Task Runs_LimitOutOfRange_Returns400NamingLimit(int limit)
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(new Uri($"/api/v1/brands/b1/runs?limit={limit}", UriKind.Relative));

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Equal(["limit"], Json.ErrorFields(problem));
    }

    [Fact]
    public async Task Runs_LimitNotANumber_Returns400NamingLimit()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/brands/b1/runs?limit=many", UriKind.Relative));

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Contains("limit", Json.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_NeverConnected_ReturnsEmptyList()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(
            new Uri($"/api/v1/brands/{ApiHostFixture.NewBrandId()}/runs", UriKind.Relative));
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body.GetArrayLength());
    }
}
