using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MixpanelSync.Api.Tests.Support;

namespace MixpanelSync.Api.Tests.Keys;

[Collection(ApiCollection.Name)]
public sealed class ApiKeyEndpointTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task Create_ShowsKeyOnceThenOnlyMasked()
    {
        var brandId = ApiHostFixture.NewBrandId();
        using var client = fixture.CreateClient();

        using var created = await client.PostAsync(new Uri($"/api/v1/brands/{brandId}/keys", UriKind.Relative), null);
        var body = await Json.ReadAsync(created);
        using var listed = await client.GetAsync(new Uri($"/api/v1/brands/{brandId}/keys", UriKind.Relative));
        var listText = await listed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = body.GetProperty("key").GetString()!;
        Assert.StartsWith("mpsb_", key, StringComparison.Ordinal);
        Assert.True(key.Length >= 40);
        Assert.Equal("****" + key[^4..], body.GetProperty("maskedKey").GetString());
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.DoesNotContain(key, listText, StringComparison.Ordinal);
        var entry = Assert.Single(JsonDocument.Parse(listText).RootElement.EnumerateArray());
        Assert.Equal(body.GetProperty("keyId").GetString(), entry.GetProperty("keyId").GetString());
        Assert.Equal("****" + key[^4..], entry.GetProperty("maskedKey").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task Create_StoresOnlyTheHash()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var (_, key) = await Brands.CreateKeyAsync(fixture, brandId);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

        var files = ReadDataDirectory();

        Assert.DoesNotContain(files, file => Contains(file.Bytes, key));
        Assert.Contains(files, file => Contains(file.Bytes, hash));
        Assert.DoesNotContain(fixture.Logs.Messages, message => message.Contains(key, StringComparison.Ordinal));
        Assert.Contains(fixture.Logs.Messages, message => message.Contains(key[^4..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoke_KeyStopsWorkingAndListShowsIt()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var (keyId, key) = await Brands.CreateKeyAsync(fixture, brandId);
        using var client = fixture.CreateClient();

        using var revoked = await client.DeleteAsync(
            new Uri($"/api/v1/brands/{brandId}/keys/{keyId}", UriKind.Relative));
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/brands/{brandId}/keys");
        using var brandClient = fixture.CreateClient(key);
        using var afterRevoke = await brandClient.GetAsync(new Uri($"/api/v1/brands/{brandId}/runs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, list[0].GetProperty("revokedAt").ValueKind);
        await Json.ReadProblemAsync(afterRevoke, 401);
    }

    [Fact]
    public async Task Revoke_UnknownKeyId_Returns404()
    {
        var brandId = ApiHostFixture.NewBrandId();
        using var client = fixture.CreateClient();

        using var response = await client.DeleteAsync(
            new Uri($"/api/v1/brands/{brandId}/keys/key_0000", UriKind.Relative));

        var problem = await Json.ReadProblemAsync(response, 404);
        Assert.Contains("key_0000", Json.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_KeyOfAnotherBrand_Returns404()
    {
        var ownerBrand = ApiHostFixture.NewBrandId();
        var (keyId, key) = await Brands.CreateKeyAsync(fixture, ownerBrand);
        using var client = fixture.CreateClient();

        using var response = await client.DeleteAsync(
            new Uri($"/api/v1/brands/{ApiHostFixture.NewBrandId()}/keys/{keyId}", UriKind.Relative));
        using var brandClient = fixture.CreateClient(key);
        using var stillValid = await brandClient.GetAsync(
            new Uri($"/api/v1/brands/{ownerBrand}/runs", UriKind.Relative));

        await Json.ReadProblemAsync(response, 404);
        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
    }

    private List<(string Path, byte[] Bytes)> ReadDataDirectory() =>
        [.. Directory.EnumerateFiles(fixture.DataDirectory, "*", SearchOption.AllDirectories)
            .Select(path => (path, ReadShared(path)))];

    private static byte[] ReadShared(string path)
    {
        // SQLite keeps the files open, so read them without asking for exclusive access.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0
        || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;
}
