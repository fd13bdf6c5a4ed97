using System.Net;
using System.Text;
using System.Text.Json;

namespace MixpanelSync.Mixpanel.Tests;

/// <summary>A request as the fake handler saw it.</summary>
internal sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string? AuthorizationScheme,
    string? AuthorizationParameter,
    string? MediaType,
    bool Gzipped,
    byte[] RawBody,
    byte[] Body,
    DateTimeOffset SentAt)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? BasicCredentials => AuthorizationParameter is null
        ? null
        : Encoding.UTF8.GetString(Convert.FromBase64String(AuthorizationParameter));

    /// <summary>The events of an NDJSON body, or of a form body's <c>data</c> array.</summary>
    public List<JsonElement> Events()
    {
        var text = BodyText;
        if (text.StartsWith("data=", StringComparison.Ordinal))
        {
            using var array = JsonDocument.Parse(WebUtility.UrlDecode(text["data=".Length..]));
            return [.. array.RootElement.EnumerateArray().Select(e => e.Clone())];
        }

        return [.. text.Split(
            '\n',
            StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    public List<string> InsertIds() =>
        [.. Events().Select(e => e.GetProperty("properties").GetProperty("$insert_id").GetString()!)];
}
