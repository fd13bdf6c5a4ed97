using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Emulator.Tests;

/// <summary>Sends raw ingestion requests over loopback HTTP and returns status and body.</summary>
public sealed class IngestionClient : IDisposable
{
    private readonly HttpClient _http;

    public IngestionClient(MixpanelEmulatorHost emulator, EmulatorResidency residency = EmulatorResidency.Us)
    {
        _http = emulator.CreateHttpClient(residency);
    }

    public static string BasicToken(string token) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(token + ":"));

    public static string BasicUser(string user, string secret) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + secret));

    public Task<IngestionResponse> ImportAsync(string token, string json, string query = "?strict=1") =>
        SendAsync(HttpMethod.Post, "/import" + query, BasicToken(token), Json(json));

    public Task<IngestionResponse> ImportGzipAsync(string token, byte[] json, string query = "?strict=1")
    {
        var content = new ByteArrayContent(Gzip(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        return SendAsync(HttpMethod.Post, "/import" + query, BasicToken(token), content);
    }

    public async Task<IngestionResponse> SendAsync(
        HttpMethod method,
        string pathAndQuery,
        string? authorization,
        HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery) { Content = content };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new IngestionResponse(response.StatusCode, body, response.Headers.RetryAfter is not null);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static FormUrlEncodedContent Form(string data) => new([new("data", data)]);

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Status code and body text of one response.</summary>
public sealed record IngestionResponse(HttpStatusCode Status, string Body, bool HasRetryAfter)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
