using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MixpanelSync.Benchmarks;

/// <summary>
/// Brand events in the ingestion shape of docs/event-schema.md, about 300 bytes of NDJSON each: an id, one of
/// four types, a millisecond time, user, device and session ids, a three-field context and the type's properties.
/// The same count always gives the same text.
/// </summary>
internal static class TypicalBrandEvents
{
    public const string BrandId = "brand-0042";

    public static readonly DateTimeOffset Now = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Platforms = ["iOS", "Android", "Web"];
    private static readonly string[] Countries = ["NO", "SE", "DE", "GB", "US"];

    public static string CreateNdjson(int count)
    {
        var random = new Random(42);
        var start = Now.AddDays(-30).ToUnixTimeMilliseconds();
        var text = new StringBuilder(count * 320);
        for (var i = 0; i < count; i++)
        {
            var brandEvent = new Dictionary<string, object>
            {
                ["event_id"] = Id("e-", i, 9),
                ["type"] = TypeOf(i),
                ["occurred_at"] = start + random.NextInt64(29L * 24 * 3600 * 1000),
                ["user_id"] = Id("user-", random.Next(200_000), 7),
                ["device_id"] = "dev-" + random.NextInt64().ToString("x16", CultureInfo.InvariantCulture),
                ["session_id"] = "sess-" + random.NextInt64().ToString("x16", CultureInfo.InvariantCulture),
                ["context"] = new Dictionary<string, object>
                {
                    ["os"] = Platforms[i % Platforms.Length],
                    ["app_version"] = "5." + (i % 10).ToString(CultureInfo.InvariantCulture),
                    ["country"] = Countries[i % Countries.Length],
                },
                ["properties"] = PropertiesOf(i, random),
            };
            text.Append(JsonSerializer.Serialize(brandEvent)).Append('\n');
        }

        return text.ToString();
    }

    private static string Id(string prefix, int number, int digits) =>
        prefix + number.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string TypeOf(int index) => (index % 4) switch
    {
        0 => "video_view",
        1 => "like",
        2 => "community_post",
        _ => "product_view",
    };

    private static Dictionary<string, object> PropertiesOf(int index, Random random) => (index % 4) switch
    {
        0 => new()
        {
            ["video_id"] = Id("v-", random.Next(1_000_000), 7),
            ["watch_time_ms"] = random.Next(60_000),
            ["duration_ms"] = 60_000,
        },
        1 => new() { ["target_id"] = Id("post-", random.Next(10_000_000), 8), ["target_type"] = "post" },
        2 => new()
        {
            ["community_id"] = Id("community-", random.Next(5000), 5),
            ["post_id"] = Id("post-", random.Next(10_000_000), 8),
        },
        _ => new()
        {
            ["product_id"] = Id("sku-", random.Next(100_000), 6),
            ["price"] = random.Next(100, 20_000) / 100.0,
            ["currency"] = "EUR",
        },
    };
}
