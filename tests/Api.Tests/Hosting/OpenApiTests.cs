using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MixpanelSync.Api.Tests.Support;

namespace MixpanelSync.Api.Tests.Hosting;

[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(ApiHostFixture fixture)
{
    private const string DocumentPath = "/api/docs/openapi/v1.json";

    [Fact]
    public async Task Document_ListsEveryEndpoint()
    {
        using var client = fixture.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>(DocumentPath);

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name} {path.Name}"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        string[] expected =
        [
            "post /api/v1/brands/{brandId}/integration",
            "get /api/v1/brands/{brandId}/integration",
            "patch /api/v1/brands/{brandId}/integration",
            "delete /api/v1/brands/{brandId}/integration",
            "post /api/v1/brands/{brandId}/integration/sync",
            "get /api/v1/brands/{brandId}/backfill/preview",
            "post /api/v1/brands/{brandId}/backfill",
            "get /api/v1/brands/{brandId}/runs",
            "get /api/v1/brands/{brandId}/runs/{runId}",
            "get /api/v1/brands/{brandId}/rejected-events",
            "post /api/v1/brands/{brandId}/rejected-events/replay",
            "post /api/v1/brands/{brandId}/events",
            "post /api/v1/brands/{brandId}/keys",
            "get /api/v1/brands/{brandId}/keys",
            "delete /api/v1/brands/{brandId}/keys/{keyId}",
            "get /api/v1/brands/{brandId}/audit",
            "delete /api/v1/brands/{brandId}/end-users",
        ];
        foreach (var operation in expected)
        {
            Assert.True(
                operations.Contains(operation),
                $"{operation} is missing from: {string.Join(", ", operations)}");
        }

        Assert.Equal(expected.Length, operations.Count);
    }

    [Fact]
    public async Task Document_DeclaresTheApiKeyScheme()
    {
        using var client = fixture.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>(DocumentPath);

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal(1, document.GetProperty("security").GetArrayLength());
    }

    [Fact]
    public async Task Document_WithoutKey_Returns401()
    {
        using var client = fixture.CreateClient(key: null);

        using var response = await client.GetAsync(new Uri(DocumentPath, UriKind.Relative));

        await Json.ReadProblemAsync(response, 401);
    }

    [Fact]
    public async Task Viewer_WithKey_ServesThePage()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/docs/", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_WithoutKey_Returns401()
    {
        using var client = fixture.CreateClient(key: null);

        using var response = await client.GetAsync(new Uri("/api/docs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
