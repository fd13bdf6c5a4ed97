using System.Buffers;
using System.IO.Compression;
using System.Text.Json;

namespace MixpanelSync.EmulatorLoad;

/// <summary>
/// Generates realistic community-engagement events (15 properties, about 440 bytes of JSON each) and packs them into
/// gzipped JSON-array request bodies.
/// </summary>
internal sealed class EventGenerator(string token, DateTimeOffset now)
{
    private static readonly string[] Names =
        ["Post Viewed", "Post Liked", "Comment Added", "Member Joined", "Event RSVP"];
    private static readonly string[] Channels = ["web", "ios", "android", "email"];
    private static readonly string[] Sources = ["newsletter", "push", "organic", "partner"];
    private static readonly string[] Countries = ["NO", "SE", "DK", "DE", "US", "GB"];

    /// <summary>Returns one gzipped batch; <paramref name="seed"/> makes each batch's events distinct.</summary>
    public byte[] CreateBatch(int seed, int size, out int uncompressedBytes)
    {
        var random = new Random(seed);
        var json = new ArrayBufferWriter<byte>(size * 512);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartArray();
            for (var i = 0; i < size; i++)
            {
                WriteEvent(writer, random);
            }

            writer.WriteEndArray();
        }

        uncompressedBytes = json.WrittenCount;
        using var output = new MemoryStream(json.WrittenCount / 4);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(json.WrittenSpan);
        }

        return output.ToArray();
    }

    private void WriteEvent(Utf8JsonWriter writer, Random random)
    {
        var userNumber = random.Next(1, 200_000);
        writer.WriteStartObject();
        writer.WriteString("event", Names[random.Next(Names.Length)]);
        writer.WriteStartObject("properties");
        writer.WriteNumber("time", now.AddSeconds(-random.Next(1, 30 * 24 * 3600)).ToUnixTimeMilliseconds());
        writer.WriteString("distinct_id", $"member-{userNumber}");
        writer.WriteString("$insert_id", Guid.NewGuid().ToString());
        writer.WriteString("token", token);
        writer.WriteString("$device_id", $"device-{userNumber:x8}-{random.Next(1, 4)}");
        writer.WriteString("brand_id", "brand-7f3c");
        writer.WriteString("community_id", $"community-{random.Next(1, 40)}");
        writer.WriteString("post_id", $"post-{random.Next(1, 1_000_000)}");
        writer.WriteString("channel", Channels[random.Next(Channels.Length)]);
        writer.WriteString("utm_source", Sources[random.Next(Sources.Length)]);
        writer.WriteString("utm_campaign", $"spring-{random.Next(1, 12)}");
        writer.WriteString("mp_country_code", Countries[random.Next(Countries.Length)]);
        writer.WriteString("session_id", Guid.NewGuid().ToString("N"));
        writer.WriteNumber("read_seconds", random.Next(1, 600));
        writer.WriteString("mp_lib", "bcc-sync");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
