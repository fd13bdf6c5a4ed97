using System.IO.Compression;
using System.Net;
using System.Text;

namespace MixpanelSync.Mixpanel.Tests;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that records each request and answers from a script, so that client tests
/// never open a socket.
/// </summary>
internal sealed class FakeMixpanelHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly TimeProvider _timeProvider;
    private readonly List<RecordedRequest> _requests = [];

    public FakeMixpanelHandler(
        Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond,
        TimeProvider timeProvider)
    {
        _respond = respond;
        _timeProvider = timeProvider;
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Text(HttpStatusCode status, string text, string mediaType = "text/html") =>
        new(status) { Content = new StringContent(text, Encoding.UTF8, mediaType) };

    public static HttpResponseMessage ImportOk(int count) =>
        Json(HttpStatusCode.OK, $$"""{"code":200,"num_records_imported":{{count}},"status":"OK"}""");

    public static HttpResponseMessage RateLimited() => Json(
        HttpStatusCode.TooManyRequests,
        """
        {"code":429,"error":"Project exceeded rate limits. Please retry the request with exponential backoff.",
         "status":"Too Many Requests"}
        """);

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var gzipped = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var gzip = request.Content?.Headers.ContentEncoding.Contains("gzip") == true;
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.Scheme,
            request.Headers.Authorization?.Parameter,
            request.Content?.Headers.ContentType?.MediaType,
            gzip,
            gzipped,
            gzip ? Decompress(gzipped) : gzipped,
            _timeProvider.GetUtcNow());
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        return await _respond(recorded, cancellationToken);
    }

    private static byte[] Decompress(byte[] gzipped)
    {
        using var input = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
