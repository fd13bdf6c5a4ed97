using System.Text;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Reads the payload of /track, /engage and /groups from the <c>data</c> query parameter, a form body's
/// <c>data</c> field (plain or base64 JSON), or a plain JSON body.
/// </summary>
internal static class LegacyPayloadReader
{
    private const string NotJsonError = "the data parameter is neither JSON nor base64-encoded JSON";

    public static async Task<LegacyPayload> ReadAsync(HttpContext context, EmulatorRuntime runtime)
    {
        var request = context.Request;
        if (request.Query.TryGetValue("data", out var queryData))
        {
            var queryText = queryData.ToString();
            runtime.Stats.AddRequestBytes(Encoding.UTF8.GetByteCount(queryText), Encoding.UTF8.GetByteCount(queryText));
            return FromDecoded(DataParameter.FromQueryValue(queryText), queryText.Length);
        }

        if (HttpMethods.IsGet(request.Method))
        {
            return new LegacyPayload { Error = "the data parameter is missing" };
        }

        using var body = await IngestionBody.ReadAsync(context, runtime, project: null);
        return body is null ? new LegacyPayload { Aborted = true } : FromBody(request, body);
    }

    private static LegacyPayload FromBody(HttpRequest request, RequestBody body)
    {
        switch (body.Status)
        {
            case RequestBodyStatus.TooLarge:
                return new LegacyPayload { TooLarge = true };
            case RequestBodyStatus.InvalidGzip:
                return new LegacyPayload { Error = "request body is not valid gzip data" };
            case RequestBodyStatus.UnsupportedEncoding:
                return new LegacyPayload { Error = "unsupported Content-Encoding; send gzip or no encoding" };
        }

        if (!request.HasFormContentType || DataParameter.LooksLikeJson(body.Span))
        {
            return new LegacyPayload { Json = body.Span.ToArray(), UncompressedBytes = body.Length };
        }

        return DataParameter.FromForm(body.Span) is { } data
            ? FromDecoded(data, body.Length)
            : new LegacyPayload { Error = "the data parameter is missing", UncompressedBytes = body.Length };
    }

    private static LegacyPayload FromDecoded(byte[] json, int uncompressedBytes) => json.Length == 0
        ? new LegacyPayload { Error = NotJsonError, UncompressedBytes = uncompressedBytes }
        : new LegacyPayload { Json = json, UncompressedBytes = uncompressedBytes };
}
