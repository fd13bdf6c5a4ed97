using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MixpanelSync.Api.Tests.Support;

namespace MixpanelSync.Api.Tests.Audit;

[Collection(ApiCollection.Name)]
public sealed class AuditEndpointTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task Audit_RecordsEachChangeNewestFirst()
    {
        var brandId = ApiHostFixture.NewBrandId();
        await Brands.ConnectAsync(fixture, brandId);
        var (keyId, key) = await Brands.CreateKeyAsync(fixture, brandId);
        using var brandClient = fixture.CreateClient(key);
        using var sync = await brandClient.PostAsync(
            new Uri($"/api/v1/brands/{brandId}/integration/sync", UriKind.Relative),
            null);
        await Brands.WaitForIdleAsync(brandClient, brandId);
        using var client = fixture.CreateClient();
        using var update = await Json.PatchAsync(
            client,
            $"/api/v1/brands/{brandId}/integration",
            new { schedule = Brands.DailySchedule(hour: 5) });
        using var revoke = await client.DeleteAsync(
            new Uri($"/api/v1/brands/{brandId}/keys/{keyId}", UriKind.Relative));
        using var disconnect = await client.DeleteAsync(
            new Uri($"/api/v1/brands/{brandId}/integration?confirm=true", UriKind.Relative));

        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/v1/brands/{brandId}/audit");

        var entries = audit.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(
            ["disconnect", "revoke-key", "update-settings", "sync-now", "create-key", "connect"],
            entries.Select(entry => entry.GetProperty("action").GetString()));
        Assert.All(entries, entry => Assert.Equal("succeeded", entry.GetProperty("outcome").GetString()));
        Assert.Equal("brand-key:" + key[^4..], entries[3].GetProperty("actor").GetString());
        Assert.Equal("operator", entries[0].GetProperty("actor").GetString());
        Assert.Contains(keyId, entries[1].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1000, audit.GetProperty("capacity").GetInt32());
        var times = entries.Select(entry => entry.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task Audit_FailedConnect_IsRecordedAsFailed()
    {
        var brandId = ApiHostFixture.NewBrandId();
        using var client = fixture.CreateClient();
        using var connect = await client.PostAsJsonAsync(
            $"/api/v1/brands/{brandId}/integration",
            Brands.ConnectBody("tok-rejected-by-the-emulator"));

        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/v1/brands/{brandId}/audit?limit=1");

        var entry = Assert.Single(audit.GetProperty("entries").EnumerateArray());
        Assert.Equal("connect", entry.GetProperty("action").GetString());
        Assert.Equal("failed", entry.GetProperty("outcome").GetString());
        Assert.DoesNotContain("tok-rejected-by-the-emulator", entry.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task Audit_LimitOutOfRange_Returns400NamingLimit(int limit)
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(new Uri($"/api/v1/brands/b1/audit?limit={limit}", UriKind.Relative));

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Equal(["limit"], Json.ErrorFields(problem));
    }

    [Fact]
    public async Task Audit_NoActions_ReturnsEmptyList()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(
            new Uri($"/api/v1/brands/{ApiHostFixture.NewBrandId()}/audit", UriKind.Relative));
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body.GetProperty("entries").GetArrayLength());
    }
}
