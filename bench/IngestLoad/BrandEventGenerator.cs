using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace MixpanelSync.IngestLoad;

/// <summary>
/// Generates valid brand events of three types as gzipped NDJSON bodies. The same seed and index always produce
/// the same bytes, so runs are repeatable.
/// </summary>
internal sealed class BrandEventGenerator(int seed)
{
    // Event n happens 7 ms after this time, so a million events span about two hours.
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Countries = ["DE", "NO", "US", "IN", "FR", "BR"];
    private static readonly string[] Systems = ["iOS", "Android", "Web"];

    /// <summary>Returns the gzipped NDJSON body of batch <paramref name="index"/> and its uncompressed size.</summary>
    public byte[] CreateBatch(int index, int size, out long uncompressedBytes)
    {
        var text = new StringBuilder(size * 360);
        // HashCode.Combine would differ between processes, so the seed of each batch is computed by hand.
        var random = new Random(unchecked((seed * 1_000_003) + index));
        for (var i = 0; i < size; i++)
        {
            AppendEvent(text, (long)index * size + i, random);
            text.Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        uncompressedBytes = bytes.Length;
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private void AppendEvent(StringBuilder text, long number, Random random)
    {
        var user = random.Next(50_000);
        var occurredAt = Start.AddMilliseconds(number * 7).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", Invariant);
        text.Append(Invariant, $"{{\"event_id\":\"bench-{seed}-{number}\",\"occurred_at\":\"{occurredAt}\",");
        text.Append(Invariant, $"\"user_id\":\"user-{user}\",\"device_id\":\"device-{user}\",");
        text.Append(Invariant, $"\"session_id\":\"session-{user}-{number / 40}\",");
        text.Append(Invariant, $"\"context\":{{\"os\":\"{Systems[user % Systems.Length]}\",\"app_version\":\"5.");
        text.Append(Invariant, $"{user % 9}\",\"country\":\"{Countries[user % Countries.Length]}\"}},");
        switch (number % 4)
        {
            case 0:
            case 1:
                var duration = 10_000 + random.Next(600_000);
                text.Append("\"type\":\"video_view\",\"properties\":{");
                text.Append(Invariant, $"\"video_id\":\"v-{random.Next(5000)}\",");
                text.Append(Invariant, $"\"watch_time_ms\":{random.Next(duration)},\"duration_ms\":{duration}}}}}");
                break;
            case 2:
                text.Append("\"type\":\"like\",\"properties\":{");
                text.Append(Invariant, $"\"target_id\":\"post-{random.Next(20_000)}\"}}}}");
                break;
            default:
                text.Append(Invariant, $"\"type\":\"community_join\",\"properties\":{{\"community_id\":\"c-");
                text.Append(Invariant, $"{random.Next(300)}\",\"source\":\"search\"}}}}");
                break;
        }
    }

    private static CultureInfo Invariant => CultureInfo.InvariantCulture;
}
