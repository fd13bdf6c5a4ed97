using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MixpanelSync.Cli.Output;

namespace MixpanelSync.Cli.Api;

/// <summary>
/// Calls the service's REST API (/api/v1) with one API key. Failures surface as <see cref="ApiProblemException"/>
/// for error responses and as <see cref="CliException"/> with <see cref="ExitCodes.Unavailable"/> when the
/// service cannot be reached.
/// </summary>
internal sealed class SyncApiClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;

    public SyncApiClient(Uri baseAddress, string key, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _http = new HttpClient { BaseAddress = root, Timeout = timeout };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("MixpanelSync.Cli/1.0");
        MaskedKey = Masking.Mask(key);
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>The key with all but its last 4 characters masked.</summary>
    public string MaskedKey { get; }

    /// <summary>Sends NDJSON brand events, gzip-compressed, to the ingestion endpoint.</summary>
    public async Task<IngestionResponse> IngestAsync(
        string brandId,
        ReadOnlyMemory<byte> ndjson,
        CancellationToken cancellationToken)
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(ndjson, cancellationToken);
        }

        var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        content.Headers.ContentEncoding.Add("gzip");
        using var request = new HttpRequestMessage(HttpMethod.Post, Brand(brandId, "events")) { Content = content };
        return await SendAsync<IngestionResponse>(request, $"store events of brand {brandId}", cancellationToken);
    }

    public Task<IntegrationResponse> ConnectAsync(
        string brandId,
        ConnectIntegrationRequest body,
        CancellationToken cancellationToken) =>
        SendAsync<IntegrationResponse>(
            Post(Brand(brandId, "integration"), body),
            $"connect brand {brandId}",
            cancellationToken);

    public Task<IntegrationResponse> GetIntegrationAsync(string brandId, CancellationToken cancellationToken) =>
        SendAsync<IntegrationResponse>(
            new HttpRequestMessage(HttpMethod.Get, Brand(brandId, "integration")),
            $"show the integration of brand {brandId}",
            cancellationToken);

    public Task<RunStartedResponse> SyncNowAsync(string brandId, CancellationToken cancellationToken) =>
        SendAsync<RunStartedResponse>(
            new HttpRequestMessage(HttpMethod.Post, Brand(brandId, "integration/sync")),
            $"start a sync of brand {brandId}",
            cancellationToken);

    public Task<RunResponse> GetRunAsync(string brandId, string runId, CancellationToken cancellationToken) =>
        SendAsync<RunResponse>(
            new HttpRequestMessage(HttpMethod.Get, Brand(brandId, $"runs/{Uri.EscapeDataString(runId)}")),
            $"show run {runId} of brand {brandId}",
            cancellationToken);

    public Task<List<RunResponse>> ListRunsAsync(string brandId, int limit, CancellationToken cancellationToken) =>
        SendAsync<List<RunResponse>>(
            new HttpRequestMessage(HttpMethod.Get, Brand(brandId, $"runs?limit={limit}")),
            $"list the runs of brand {brandId}",
            cancellationToken);

    public Task<RejectedEventPage> ListRejectedEventsAsync(
        string brandId,
        bool includeReplayed,
        long after,
        int limit,
        CancellationToken cancellationToken) =>
        SendAsync<RejectedEventPage>(
            new HttpRequestMessage(
                HttpMethod.Get,
                Brand(brandId, $"rejected-events?includeReplayed={(includeReplayed ? "true" : "false")}"
                    + $"&after={after}&limit={limit}")),
            $"list the rejected events of brand {brandId}",
            cancellationToken);

    public Task<BackfillPreviewResponse> PreviewBackfillAsync(
        string brandId,
        string from,
        CancellationToken cancellationToken) =>
        SendAsync<BackfillPreviewResponse>(
            new HttpRequestMessage(
                HttpMethod.Get,
                Brand(brandId, $"backfill/preview?from={Uri.EscapeDataString(from)}")),
            $"preview a backfill of brand {brandId}",
            cancellationToken);

    public Task<RunStartedResponse> StartBackfillAsync(
        string brandId,
        string from,
        CancellationToken cancellationToken) =>
        SendAsync<RunStartedResponse>(
            Post(Brand(brandId, "backfill"), new { from }),
            $"start a backfill of brand {brandId}",
            cancellationToken);

    public void Dispose() => _http.Dispose();

    private static string Brand(string brandId, string path) =>
        $"api/v1/brands/{Uri.EscapeDataString(brandId)}/{path}";

    private static HttpRequestMessage Post<T>(string path, T body) =>
        new(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };

    private async Task<T> SendAsync<T>(HttpRequestMessage request, string action, CancellationToken cancellationToken)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                throw new CliException(
                    ExitCodes.Unavailable,
                    $"Could not reach the service at {BaseAddress} to {action}: {exception.Message} Check --url "
                    + $"or {CliEnvironment.UrlVariable} and that the service is running.",
                    exception);
            }
            catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CliException(
                    ExitCodes.Unavailable,
                    $"The service at {BaseAddress} timed out after {_http.Timeout.TotalSeconds} s on the request to "
                    + $"{action}. Check its health at {BaseAddress}health and try again.",
                    exception);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw new ApiProblemException(
                        action,
                        response.StatusCode,
                        await ReadProblemAsync(response),
                        MaskedKey);
                }

                try
                {
                    return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                        ?? throw new JsonException("The body is empty.");
                }
                catch (JsonException exception)
                {
                    throw new CliException(
                        ExitCodes.Unavailable,
                        $"The service at {BaseAddress} responded to the request to {action} with a body this CLI "
                        + $"cannot read ({exception.Message}). Check that --url points at BCC Mixpanel Sync.",
                        exception);
                }
            }
        }
    }

    private static async Task<ProblemResponse?> ReadProblemAsync(HttpResponseMessage response)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ProblemResponse>(Json);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            // Not a problem response, such as the plain-text page of a proxy.
            return null;
        }
    }
}
