using System.Globalization;
using System.Text.Json;

namespace MixpanelSync.Events.Importers;

/// <summary>
/// Turns OTTO shop sessions (JSON lines of <c>{"session", "events": [{"aid", "ts", "type"}]}</c>) into
/// brand events: clicks become <c>product_view</c>, carts <c>add_to_cart</c> and orders <c>purchase</c>.
/// </summary>
/// <remarks>
/// A session is one anonymous shopper, so events carry the device id <c>otto-session-{session}</c> and no user
/// id. Event ids are <c>otto-{session}-{position}</c>, the event's position in its session, because the orders
/// of one checkout share a timestamp and an article can repeat. Orders with the same timestamp form one order:
/// they share the order id <c>otto-{session}-{ts}</c>, one purchase event per article. The log has no prices.
/// </remarks>
public static class OttoSessionImporter
{
    /// <summary>Reads the sessions one line at a time and yields their events.</summary>
    /// <exception cref="FormatException">A line is not a session object of the documented shape.</exception>
    public static IEnumerable<BrandEvent> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            foreach (var brandEvent in EventsOf(line, lineNumber))
            {
                yield return brandEvent;
            }
        }
    }

    private static List<BrandEvent> EventsOf(string line, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var session = document.RootElement.GetProperty("session").GetInt64();
            var events = new List<BrandEvent>();
            var position = 0;
            foreach (var item in document.RootElement.GetProperty("events").EnumerateArray())
            {
                events.Add(EventOf(session, position++, item));
            }

            return events;
        }
        catch (Exception exception) when (
            exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException(
                $"Line {lineNumber} of the OTTO sessions is not a session object ({exception.Message}).", exception);
        }
    }

    private static BrandEvent EventOf(long session, int position, JsonElement item)
    {
        var articleId = item.GetProperty("aid").GetInt64().ToString(CultureInfo.InvariantCulture);
        var timestamp = item.GetProperty("ts").GetInt64();
        var (type, properties) = item.GetProperty("type").GetString() switch
        {
            "clicks" => (BrandEventTypes.ProductView, Properties(("product_id", articleId))),
            "carts" => (BrandEventTypes.AddToCart, Properties(("product_id", articleId), ("quantity", 1L))),
            "orders" => (BrandEventTypes.Purchase, Properties(
                ("order_id", $"otto-{session}-{timestamp}"),
                ("product_id", articleId),
                ("item_count", 1L))),
            var other => throw new FormatException($"Unknown OTTO event type '{other}'."),
        };
        return new BrandEvent
        {
            EventId = $"otto-{session}-{position}",
            Type = type,
            OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(timestamp),
            DeviceId = $"otto-session-{session}",
            Properties = properties,
        };
    }

    private static Dictionary<string, object?> Properties(params (string Name, object? Value)[] properties) =>
        properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
}
