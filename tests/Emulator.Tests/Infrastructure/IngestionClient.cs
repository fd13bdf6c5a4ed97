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

    public IngestionClient(
        MixpanelEmulatorHost emulator,
        EmulatorResidency residency = EmulatorResidency.Us,
        bool useHttps = false)
    {
        _http = emulator.CreateHttpClient(residency, useHttps);
    }

    public TimeSpan Timeout
    {
        get => _http.Timeout;
        set => _http.Timeout = value;
    }

    public static string BasicToken(string token) => BasicUser(token, string.Empty);

    public static string BasicUser(string user, string secret) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + secret));

    public Task<IngestionResponse> ImportAsync(string token, string json, string query = "?strict=1") =>
        SendAsync(HttpMethod.Post, "/import" + query, BasicToken(token), Json(json));

    public Task<IngestionResponse> ImportBytesAsync(string token, byte[] json, string query = "?strict=1")
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return SendAsync(HttpMethod.Post, "/import" + query, BasicToken(token), content);
    }

    public Task<IngestionResponse> ImportGzipAsync(string token, byte[] json, string query = "?strict=1") =>
        SendAsync(HttpMethod.Post, "/import" + query, BasicToken(token), GzipContent(json, "application/json"));

    public Task<IngestionResponse> PostAsync(string pathAndQuery, HttpContent content, string? authorization = null) =>
        SendAsync(HttpMethod.Post, pathAndQuery, authorization, content);

    public Task<IngestionResponse> GetAsync(string pathAndQuery) =>
        SendAsync(HttpMethod.Get, pathAndQuery, authorization: null, content: null);

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
        var body = await response.Content.ReadAsByteArrayAsync();
        return new IngestionResponse(
            response.StatusCode,
            Encoding.UTF8.GetString(body),
            body,
            response.Content.Headers.ContentType?.MediaType,
            response.Headers);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static FormUrlEncodedContent Form(string data) => new([new("data", data)]);

    public static ByteArrayContent GzipContent(byte[] data, string contentType)
    {
        var content = new ByteArrayContent(Gzip(data));
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

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

/// <summary>Status code, body and headers of one response.</summary>
public sealed record IngestionResponse(
    HttpStatusCode Status,
    string Body,
    byte[] BodyBytes,
    string? MediaType,
    HttpResponseHeaders Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
