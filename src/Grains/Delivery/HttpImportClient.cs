using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MixpanelSync.Grains.Hosting;

namespace MixpanelSync.Grains.Delivery;

/// <summary>
/// Sends /import requests with <see cref="HttpClient"/>: HTTP Basic auth with the token or the service
/// account, <c>strict=1</c>, NDJSON and gzip.
/// </summary>
/// <remarks>
/// NOTE: an interim client until the delivery library's MixpanelIngestionClient lands; it does not split a
/// batch on 413.
/// </remarks>
internal sealed class HttpImportClient(IHttpClientFactory httpClientFactory, IOptions<MixpanelSyncOptions> options)
    : IImportClient
{
    /// <summary>The name of the <see cref="HttpClient"/> this client uses.</summary>
    public const string HttpClientName = "mixpanel-sync-import";

    public async Task<ImportAttempt> SendAsync(
        ImportCredentials credentials,
        ReadOnlyMemory<byte> gzippedBody,
        CancellationToken cancellationToken)
    {
        using var request = CreateRequest(credentials, gzippedBody);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);

        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return Classify(response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Transient(0, "The request timed out.");
        }
        catch (HttpRequestException exception)
        {
            return Transient(0, exception.Message);
        }
    }

    private HttpRequestMessage CreateRequest(ImportCredentials credentials, ReadOnlyMemory<byte> gzippedBody)
    {
        var query = credentials.ServiceAccountUsername is null
            ? "import?strict=1"
            : $"import?strict=1&project_id={Uri.EscapeDataString(credentials.ProjectId ?? string.Empty)}";
        var uri = new Uri(options.Value.BaseAddressOf(credentials.Residency), query);
        var user = credentials.ServiceAccountUsername is null
            ? $"{credentials.Token}:"
            : $"{credentials.ServiceAccountUsername}:{credentials.ServiceAccountSecret}";

        var content = new ReadOnlyMemoryContent(gzippedBody);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        content.Headers.ContentEncoding.Add("gzip");

        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user)));
        return request;
    }

    private static ImportAttempt Classify(HttpStatusCode statusCode, string body)
    {
        var code = (int)statusCode;
        return code switch
        {
            200 => new ImportAttempt(ImportStatus.Imported, code, ReadImported(body), [], null),
            400 => ReadPartialRejection(body),
            401 => new ImportAttempt(
                ImportStatus.Unauthorized,
                code,
                0,
                [],
                "Mixpanel rejected the credentials (401)."),
            413 => new ImportAttempt(
                ImportStatus.TooLarge,
                code,
                0,
                [],
                "The request is over Mixpanel's size limit (413)."),
            429 => new ImportAttempt(
                ImportStatus.Throttled,
                code,
                0,
                [],
                "The project's rate limit is exceeded (429)."),
            >= 500 => Transient(code, $"Mixpanel returned {code}."),
            _ => new ImportAttempt(ImportStatus.Unexpected, code, 0, [], $"Mixpanel returned an unexpected {code}."),
        };
    }

    private static ImportAttempt Transient(int code, string error) =>
        new(ImportStatus.Transient, code, 0, [], error);

    private static int ReadImported(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("num_records_imported", out var imported)
                ? imported.GetInt32()
                : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    private static ImportAttempt ReadPartialRejection(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var imported = root.TryGetProperty("num_records_imported", out var count) ? count.GetInt32() : 0;
            var failed = new List<FailedRecord>();
            if (root.TryGetProperty("failed_records", out var records) && records.ValueKind == JsonValueKind.Array)
            {
                foreach (var record in records.EnumerateArray())
                {
                    failed.Add(new FailedRecord(
                        record.GetProperty("index").GetInt32(),
                        record.TryGetProperty("field", out var field) ? field.GetString() : null,
                        record.TryGetProperty("message", out var message)
                            ? message.GetString() ?? "rejected"
                            : "rejected"));
                }
            }

            return new ImportAttempt(ImportStatus.PartiallyRejected, 400, imported, failed, null);
        }
        catch (Exception exception)
            when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new ImportAttempt(
                ImportStatus.Unexpected,
                400,
                0,
                [],
                "Mixpanel returned 400 with an unreadable body.");
        }
    }
}
