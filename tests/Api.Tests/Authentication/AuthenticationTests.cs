using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MixpanelSync.Api.Tests.Support;

namespace MixpanelSync.Api.Tests.Authentication;

[Collection(ApiCollection.Name)]
public sealed class AuthenticationTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task Request_WithoutKey_Returns401WithBearerChallenge()
    {
        using var client = fixture.CreateClient(key: null);

        using var response = await client.GetAsync(new Uri("/api/v1/brands/b1/integration", UriKind.Relative));

        var problem = await Json.ReadProblemAsync(response, 401);
        Assert.Contains("no API key", Json.Detail(problem), StringComparison.Ordinal);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithWrongKey_Returns401()
    {
        using var client = fixture.CreateClient("mpsb_not-a-real-key-at-all-0000000000000000000");

        using var response = await client.GetAsync(new Uri("/api/v1/brands/b1/audit", UriKind.Relative));

        var problem = await Json.ReadProblemAsync(response, 401);
        Assert.Contains("not valid or was revoked", Json.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithUnsupportedScheme_Returns401NamingTheHeader()
    {
        using var client = fixture.CreateClient(key: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Digest", "abc");

        using var response = await client.GetAsync(new Uri("/api/v1/brands/b1/audit", UriKind.Relative));

        var problem = await Json.ReadProblemAsync(response, 401);
        Assert.Contains("Authorization scheme 'Digest'", Json.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithKeyInApiKeyHeader_Authenticates()
    {
        using var client = fixture.CreateClient(key: null);
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiHostFixture.OperatorKey);

        using var response = await client.GetAsync(new Uri("/api/v1/brands/b1/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithRevokedBrandKey_Returns401()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var (keyId, key) = await Brands.CreateKeyAsync(fixture, brandId);
        using var brandClient = fixture.CreateClient(key);
        using var before = await brandClient.GetAsync(new Uri($"/api/v1/brands/{brandId}/audit", UriKind.Relative));
        using var operatorClient = fixture.CreateClient();

        using var revoke = await operatorClient.DeleteAsync(
            new Uri($"/api/v1/brands/{brandId}/keys/{keyId}", UriKind.Relative));
        using var after = await brandClient.GetAsync(new Uri($"/api/v1/brands/{brandId}/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await Json.ReadProblemAsync(after, 401);
    }

    [Theory]
    [InlineData("GET", "/integration")]
    [InlineData("GET", "/runs")]
    [InlineData("GET", "/runs/some-run")]
    [InlineData("GET", "/rejected-events")]
    [InlineData("GET", "/audit")]
    [InlineData("GET", "/keys")]
    [InlineData("POST", "/events")]
    [InlineData("POST", "/integration/sync")]
    [InlineData("DELETE", "/integration?confirm=true")]
    [InlineData("GET", "/backfill/preview?from=2026-01-01")]
    public async Task BrandKey_OnAnotherBrand_Returns404(string method, string path)
    {
        var ownBrand = ApiHostFixture.NewBrandId();
        var otherBrand = ApiHostFixture.NewBrandId();
        await Brands.ConnectAsync(fixture, otherBrand);
        var (_, key) = await Brands.CreateKeyAsync(fixture, ownBrand);
        using var client = fixture.CreateClient(key);
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/brands/{otherBrand}{path}");
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new[] { Brands.Event("e1") });
        }

        using var response = await client.SendAsync(request);

        var problem = await Json.ReadProblemAsync(response, 404);
        Assert.Contains(otherBrand, Json.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrandKey_OnOwnBrandKeys_Returns403()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var (_, key) = await Brands.CreateKeyAsync(fixture, brandId);
        using var client = fixture.CreateClient(key);

        using var response = await client.PostAsync(new Uri($"/api/v1/brands/{brandId}/keys", UriKind.Relative), null);

        var problem = await Json.ReadProblemAsync(response, 403);
        Assert.Contains("operator key", Json.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrandKey_OnOwnBrand_IngestsEvents()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var (_, key) = await Brands.CreateKeyAsync(fixture, brandId);
        using var client = fixture.CreateClient(key);

        var body = await Brands.IngestAsync(client, brandId, [Brands.Event("own-1")]);

        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WithoutKey_Returns200(string path)
    {
        using var client = fixture.CreateClient(key: null);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SettingsPage_WithoutKey_Returns200()
    {
        using var client = fixture.CreateClient(key: null);

        using var response = await client.GetAsync(new Uri("/settings/mixpanel/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Endpoints_NotMarkedAnonymous_RequireAuthorization()
    {
        var endpoints = fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .ToList();

        // An endpoint is open on purpose only when it says so with AllowAnonymous.
        var open = endpoints
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(endpoint => endpoint.RoutePattern.RawText ?? "")
            .Where(pattern => !pattern.StartsWith("/health", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(endpoints, endpoint => endpoint.RoutePattern.RawText?.StartsWith("/dashboard") == true);
        Assert.Contains(endpoints, endpoint => endpoint.RoutePattern.RawText == "/metrics");
        Assert.True(open.Count == 0, "Open endpoints: " + string.Join(", ", open));
    }

    [Fact]
    public async Task OperatorKey_AsBasicPassword_Authenticates()
    {
        using var client = fixture.CreateClient(key: null);
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes("anyone:" + ApiHostFixture.OperatorKey));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);

        using var response = await client.GetAsync(new Uri("/api/v1/brands/b1/keys", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
