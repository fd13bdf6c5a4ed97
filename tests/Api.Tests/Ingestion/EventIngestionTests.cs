using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MixpanelSync.Api.Tests.Support;
using MixpanelSync.Events.Storage;

namespace MixpanelSync.Api.Tests.Ingestion;

[Collection(ApiCollection.Name)]
public sealed class EventIngestionTests(ApiHostFixture fixture)
{
    private const int MaxBodyBytes = 10 * 1024 * 1024;

    [Fact]
    public async Task Ingest_MixedEvents_StoresValidAndReportsEachRejected()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var missingTarget = Brands.Event("bad-1");
        missingTarget["properties"] = new Dictionary<string, object?>();
        var unknownType = Brands.Event("bad-2");
        unknownType["type"] = "teleport";
        using var client = fixture.CreateClient();

        var body = await Brands.IngestAsync(
            client,
            brandId,
            [Brands.Event("ok-1"), missingTarget, Brands.Event("ok-2"), unknownType, 42]);

        Assert.Equal(5, body.GetProperty("received").GetInt32());
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(0, body.GetProperty("duplicates").GetInt32());
        Assert.Equal(3, body.GetProperty("rejectedCount").GetInt32());
        var rejected = body.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([1, 3, 4], rejected.Select(report => report.GetProperty("index").GetInt32()));
        Assert.Equal("bad-1", rejected[0].GetProperty("eventId").GetString());
        Assert.Equal("properties.target_id", FirstError(rejected[0]).GetProperty("field").GetString());
        Assert.Equal("type", FirstError(rejected[1]).GetProperty("field").GetString());
        Assert.Contains("teleport", ReasonOf(rejected[1]), StringComparison.Ordinal);
        Assert.Contains("not a JSON object", ReasonOf(rejected[2]), StringComparison.Ordinal);
        Assert.Equal(["ok-1", "ok-2"], await StoredEventIdsAsync(brandId));
    }

    [Fact]
    public async Task Ingest_ResentEventIds_CountsDuplicates()
    {
        var brandId = ApiHostFixture.NewBrandId();
        using var client = fixture.CreateClient();
        await Brands.IngestAsync(client, brandId, [Brands.Event("dup-1"), Brands.Event("dup-2")]);

        var body = await Brands.IngestAsync(client, brandId, [Brands.Event("dup-1"), Brands.Event("dup-3")]);

        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("duplicates").GetInt32());
        Assert.Equal(["dup-1", "dup-2", "dup-3"], await StoredEventIdsAsync(brandId));
    }

    [Fact]
    public async Task Ingest_Ndjson_ReportsLineIndexes()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var lines = string.Join(
            "\n",
            JsonSerializer.Serialize(Brands.Event("nd-1")),
            "",
            "{not json",
            JsonSerializer.Serialize(Brands.Event("nd-2")));

        using var response = await PostAsync(brandId, Encoding.UTF8.GetBytes(lines), "application/x-ndjson");
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, body.GetProperty("received").GetInt32());
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("rejected")[0].GetProperty("index").GetInt32());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-ndjson")]
    public async Task Ingest_Gzip_IsDecompressed(string contentType)
    {
        var brandId = ApiHostFixture.NewBrandId();
        var events = new[] { Brands.Event("gz-1"), Brands.Event("gz-2") };
        var text = contentType == "application/json"
            ? JsonSerializer.Serialize(events)
            : string.Join("\n", events.Select(item => JsonSerializer.Serialize(item)));

        using var response = await PostAsync(brandId, Gzip(Encoding.UTF8.GetBytes(text)), contentType, "gzip");
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Ingest_WrappedEventsObject_IsAccepted()
    {
        var brandId = ApiHostFixture.NewBrandId();
        using var client = fixture.CreateClient();

        using var response = await client.PostAsJsonAsync(
            $"/api/v1/brands/{brandId}/events",
            new { events = new[] { Brands.Event("wrapped-1") } });
        var body = await Json.ReadAsync(response);

        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Ingest_BodyOverLimit_Returns413AndStoresNothing()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var padding = new string('x', 200);
        var events = Enumerable.Range(0, (MaxBodyBytes / 300) + 1000)
            .Select(i => Brands.Event($"big-{i}-{padding}"))
            .ToList();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(events);
        Assert.True(bytes.Length > MaxBodyBytes);

        // Expect: 100-continue lets the silo refuse the body before the client sends it, as curl does.
        using var response = await PostAsync(brandId, bytes, "application/json", expectContinue: true);

        var problem = await Json.ReadProblemAsync(response, 413);
        Assert.Contains("10485760 bytes", Json.Detail(problem), StringComparison.Ordinal);
        Assert.Empty(await StoredEventIdsAsync(brandId));
    }

    [Fact]
    public async Task Ingest_GzipExpandingOverLimit_Returns413()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var expanded = Encoding.UTF8.GetBytes("[" + new string(' ', MaxBodyBytes + 10) + "]");
        var compressed = Gzip(expanded);

        using var response = await PostAsync(brandId, compressed, "application/json", "gzip");

        Assert.True(compressed.Length < 100_000);
        await Json.ReadProblemAsync(response, 413);
    }

    [Fact]
    public async Task Ingest_BodyJustUnderLimit_IsAccepted()
    {
        var brandId = ApiHostFixture.NewBrandId();
        var events = JsonSerializer.Serialize(new[] { Brands.Event("under-limit") });
        var padded = events[..^1] + new string(' ', MaxBodyBytes - events.Length) + "]";

        using var response = await PostAsync(brandId, Encoding.UTF8.GetBytes(padded), "application/json");

        Assert.Equal(MaxBodyBytes, Encoding.UTF8.GetByteCount(padded));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain", null, 415)]
    [InlineData("application/json", "br", 415)]
    [InlineData("application/json", "gzip", 400)]
    public async Task Ingest_UnsupportedBody_ReturnsProblem(string contentType, string? encoding, int status)
    {
        var brandId = ApiHostFixture.NewBrandId();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new[] { Brands.Event("x") });

        using var response = await PostAsync(brandId, bytes, contentType, encoding);

        var problem = await Json.ReadProblemAsync(response, status);
        Assert.False(string.IsNullOrEmpty(Json.Detail(problem)));
    }

    [Theory]
    [InlineData("{\"event_id\": \"single\"}", "not an array")]
    [InlineData("[", "not valid JSON")]
    [InlineData("[]", "no events")]
    public async Task Ingest_UnreadableBatch_Returns400NamingBody(string json, string reason)
    {
        var brandId = ApiHostFixture.NewBrandId();

        using var response = await PostAsync(brandId, Encoding.UTF8.GetBytes(json), "application/json");

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.Equal(["body"], Json.ErrorFields(problem));
        Assert.Contains(reason, Json.Detail(problem), StringComparison.Ordinal);
    }

    private static JsonElement FirstError(JsonElement report) => report.GetProperty("errors")[0];

    private static string ReasonOf(JsonElement report) => FirstError(report).GetProperty("reason").GetString() ?? "";

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private async Task<HttpResponseMessage> PostAsync(
        string brandId,
        byte[] body,
        string contentType,
        string? contentEncoding = null,
        bool expectContinue = false)
    {
        using var client = fixture.CreateClient();
        client.DefaultRequestHeaders.ExpectContinue = expectContinue;
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (contentEncoding is not null)
        {
            content.Headers.ContentEncoding.Add(contentEncoding);
        }

        return await client.PostAsync(new Uri($"/api/v1/brands/{brandId}/events", UriKind.Relative), content);
    }

    private async Task<IReadOnlyList<string>> StoredEventIdsAsync(string brandId)
    {
        var store = fixture.Services.GetRequiredService<IEventStore>();
        var highWaterMark = await store.GetHighWaterMarkAsync(brandId);
        var page = await store.ReadPageAsync(brandId, 0, highWaterMark, 1000);
        return [.. page.Select(stored => stored.Event.EventId).Order(StringComparer.Ordinal)];
    }
}
