using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Delivery;

/// <summary>Writes validated events as NDJSON /import bodies and cuts them at the event and byte caps.</summary>
/// <remarks>NOTE: an interim encoder until the delivery library's BatchBuilder lands.</remarks>
internal static class BatchEncoder
{
    /// <summary>Encoded batch: gzipped body, uncompressed size and the source key of each line.</summary>
    public sealed record EncodedBatch(byte[] GzippedBody, long UncompressedBytes, long[] SourceKeys);

    /// <summary>
    /// Cuts the events into batches of at most <paramref name="maxEvents"/> and about <paramref name="maxBytes"/>.
    /// </summary>
    public static List<EncodedBatch> Encode(IReadOnlyList<MixpanelEvent> events, int maxEvents, long maxBytes)
    {
        var batches = new List<EncodedBatch>();
        var buffer = new ArrayBufferWriter<byte>();
        var keys = new List<long>();

        foreach (var mixpanelEvent in events)
        {
            var line = EncodeLine(mixpanelEvent);
            if (keys.Count > 0 && (keys.Count >= maxEvents || buffer.WrittenCount + line.Length > maxBytes))
            {
                batches.Add(Complete(buffer, keys));
                buffer.ResetWrittenCount();
                keys.Clear();
            }

            buffer.Write(line);
            keys.Add(mixpanelEvent.SourceKey);
        }

        if (keys.Count > 0)
        {
            batches.Add(Complete(buffer, keys));
        }

        return batches;
    }

    /// <summary>Encodes one event as a JSON line ending in a newline.</summary>
    public static byte[] EncodeLine(MixpanelEvent mixpanelEvent)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event", mixpanelEvent.Name);
            writer.WritePropertyName("properties");
            WriteObject(writer, mixpanelEvent.Properties);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Gzips an uncompressed body.</summary>
    public static byte[] Gzip(ReadOnlySpan<byte> body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }

    private static EncodedBatch Complete(ArrayBufferWriter<byte> buffer, List<long> keys) =>
        new(Gzip(buffer.WrittenSpan), buffer.WrittenCount, [.. keys]);

    private static void WriteObject(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in properties)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case long or int or short or byte or sbyte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ulong unsigned:
                writer.WriteNumberValue(unsigned);
                break;
            case double real:
                writer.WriteNumberValue(real);
                break;
            case float single:
                writer.WriteNumberValue(single);
                break;
            case decimal exact:
                writer.WriteNumberValue(exact);
                break;
            case DateTimeOffset instant:
                writer.WriteStringValue(instant.UtcDateTime.ToString(
                    "yyyy-MM-ddTHH:mm:ss",
                    System.Globalization.CultureInfo.InvariantCulture));
                break;
            case DateTime dateTime:
                writer.WriteStringValue(dateTime.ToString(
                    "yyyy-MM-ddTHH:mm:ss",
                    System.Globalization.CultureInfo.InvariantCulture));
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IReadOnlyList<KeyValuePair<string, object?>> nested:
                WriteObject(writer, nested);
                break;
            case IEnumerable<KeyValuePair<string, object?>> dictionary:
                WriteObject(writer, dictionary);
                break;
            case System.Collections.IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
