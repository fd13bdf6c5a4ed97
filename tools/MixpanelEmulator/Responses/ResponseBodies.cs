using System.Buffers;
using System.Text;
using System.Text.Json;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>Exact response bodies of Mixpanel's ingestion API, as UTF-8 bytes.</summary>
internal static class ResponseBodies
{
    public const string RateLimitMessage =
        "Project exceeded rate limits. Please retry the request with exponential backoff.";

    public static readonly byte[] Unauthorized =
        """{"code":401,"error":"Invalid credentials","status":"Unauthorized"}"""u8.ToArray();

    public static readonly byte[] RateLimited =
        ("""{"code":429,"error":"Project exceeded rate limits. """u8 +
            """Please retry the request with exponential backoff.","status":"Too Many Requests"}"""u8)
            .ToArray();

    /// <summary>429 body of the legacy form mode, which carries a numeric status instead of a code.</summary>
    public static readonly byte[] LegacyRateLimited =
        """{"error":"Project exceeded rate limits. Please retry the request with exponential backoff.","status":0}"""u8
            .ToArray();

    public static readonly byte[] One = "1"u8.ToArray();

    public static readonly byte[] Zero = "0"u8.ToArray();

    public static readonly byte[] VerboseSuccess = """{"status":1,"error":null}"""u8.ToArray();

    public static byte[] Success(int imported) => Write(writer =>
    {
        writer.WriteNumber("code", 200);
        writer.WriteNumber("num_records_imported", imported);
        writer.WriteString("status", "OK");
    });

    public static byte[] TooLarge(long maxBytes) => Write(writer =>
    {
        writer.WriteNumber("code", 413);
        writer.WriteString("error", $"request exceeds max limit of {maxBytes} bytes");
        writer.WriteString("status", "Request Entity Too Large");
    });

    public static byte[] BadRequest(string error) => Write(writer =>
    {
        writer.WriteNumber("code", 400);
        writer.WriteString("error", error);
        writer.WriteString("status", "Bad Request");
    });

    public static byte[] PartialFailure(int imported, IReadOnlyList<FailedRecord> failures) => Write(writer =>
    {
        writer.WriteNumber("code", 400);
        writer.WriteString("error", "some data points in the request failed validation");
        writer.WriteString("status", "Bad Request");
        writer.WriteNumber("num_records_imported", imported);
        writer.WriteStartArray("failed_records");
        foreach (var failure in failures)
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", failure.Index);
            writer.WriteString("insert_id", failure.InsertId);
            writer.WriteString("field", failure.Field);
            writer.WriteString("message", failure.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static byte[] VerboseFailure(string error) => Write(writer =>
    {
        writer.WriteNumber("status", 0);
        writer.WriteString("error", error);
    });

    /// <summary>
    /// Strict /engage and /groups body: overall status, first error, failed records and the good count.
    /// </summary>
    public static byte[] ProfileStrict(int goodCount, IReadOnlyList<FailedRecord> failures) => Write(writer =>
    {
        writer.WriteNumber("status", failures.Count == 0 ? 1 : 0);
        if (failures.Count == 0)
        {
            writer.WriteNull("error");
        }
        else
        {
            writer.WriteString("error", failures[0].Message);
        }

        writer.WriteStartArray("failed_records");
        foreach (var failure in failures)
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", failure.Index);
            writer.WriteString("message", failure.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("num_good_events", goodCount);
    });

    /// <summary>Plain-text body in the style of a load balancer's error page, for injected 5xx responses.</summary>
    public static byte[] ServerError(int statusCode, string reason) =>
        Encoding.UTF8.GetBytes($"<html><body><h1>{statusCode} {reason}</h1></body></html>\n");

    private static byte[] Write(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonEncoder.Relaxed }))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
