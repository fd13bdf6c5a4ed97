using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MixpanelSync.Events;

/// <summary>
/// Writes and reads <see cref="BrandEvent"/>s in the ingestion JSON shape (docs/event-schema.md). Reading
/// trusts its input: it converts what it finds and checks nothing, so use it only on JSON this class wrote.
/// Untrusted input goes through the schema parser.
/// </summary>
public static class BrandEventJson
{
    /// <summary>Serializes an event to a JSON object.</summary>
    public static string Serialize(BrandEvent brandEvent)
    {
        ArgumentNullException.ThrowIfNull(brandEvent);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, brandEvent);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Serializes an event into the writer's buffer, which is cleared first, and returns the text.</summary>
    internal static string Serialize(BrandEvent brandEvent, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        Write(writer, brandEvent);
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes an event as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, BrandEvent brandEvent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(brandEvent);

        writer.WriteStartObject();
        writer.WriteString("event_id", brandEvent.EventId);
        writer.WriteString("type", brandEvent.Type);
        writer.WriteString("occurred_at", brandEvent.OccurredAt.ToString("O", CultureInfo.InvariantCulture));
        WriteOptional(writer, "user_id", brandEvent.UserId);
        WriteOptional(writer, "device_id", brandEvent.DeviceId);
        WriteOptional(writer, "session_id", brandEvent.SessionId);
        WriteContext(writer, brandEvent.Context);

        writer.WriteStartObject("properties");
        foreach (var (name, value) in brandEvent.Properties)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Reads an event that <see cref="Serialize(BrandEvent)"/> wrote.</summary>
    /// <exception cref="JsonException">The text is not JSON or lacks event_id, type or occurred_at.</exception>
    public static BrandEvent Deserialize(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new BrandEvent
        {
            EventId = RequiredString(root, "event_id"),
            Type = RequiredString(root, "type"),
            OccurredAt = DateTimeOffset.Parse(RequiredString(root, "occurred_at"), CultureInfo.InvariantCulture),
            UserId = OptionalString(root, "user_id"),
            DeviceId = OptionalString(root, "device_id"),
            SessionId = OptionalString(root, "session_id"),
            Context = root.TryGetProperty("context", out var context) ? ReadContext(context) : BrandEventContext.Empty,
            Properties = root.TryGetProperty("properties", out var properties)
                ? ReadProperties(properties)
                : new Dictionary<string, object?>(StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// Converts a JSON value to a property value: strings, whole numbers as <see cref="long"/>, other numbers as
    /// <see cref="decimal"/> (or <see cref="double"/> beyond its range), booleans, null, and arrays of those.
    /// </summary>
    /// <exception cref="JsonException">The value is an object, which properties cannot hold.</exception>
    public static object? ToPropertyValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => ToNumber(element),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Array => element.EnumerateArray().Select(ToPropertyValue).ToList(),
        _ => throw new JsonException($"A property value cannot be a JSON {element.ValueKind}."),
    };

    private static object ToNumber(JsonElement element)
    {
        if (element.TryGetInt64(out var whole))
        {
            return whole;
        }

        return element.TryGetDecimal(out var exact) ? exact : element.GetDouble();
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
            case long or int or short or byte or uint or ushort or sbyte:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong unsigned:
                writer.WriteNumberValue(unsigned);
                break;
            case decimal exact:
                writer.WriteNumberValue(exact);
                break;
            case double or float:
                writer.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case IEnumerable<object?> items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException(
                    $"A brand event property cannot hold a {value.GetType().Name}; use a string, number, " +
                    "boolean, null or a list of those.",
                    nameof(value));
        }
    }

    private static void WriteContext(Utf8JsonWriter writer, BrandEventContext context)
    {
        writer.WriteStartObject("context");
        WriteOptional(writer, "os", context.Os);
        WriteOptional(writer, "os_version", context.OsVersion);
        WriteOptional(writer, "app_version", context.AppVersion);
        WriteOptional(writer, "device_model", context.DeviceModel);
        WriteOptional(writer, "manufacturer", context.Manufacturer);
        WriteOptional(writer, "browser", context.Browser);
        WriteOptional(writer, "country", context.Country);
        WriteOptional(writer, "region", context.Region);
        WriteOptional(writer, "city", context.City);
        WriteOptional(writer, "ip", context.Ip);
        writer.WriteEndObject();
    }

    private static BrandEventContext ReadContext(JsonElement context) => new()
    {
        Os = OptionalString(context, "os"),
        OsVersion = OptionalString(context, "os_version"),
        AppVersion = OptionalString(context, "app_version"),
        DeviceModel = OptionalString(context, "device_model"),
        Manufacturer = OptionalString(context, "manufacturer"),
        Browser = OptionalString(context, "browser"),
        Country = OptionalString(context, "country"),
        Region = OptionalString(context, "region"),
        City = OptionalString(context, "city"),
        Ip = OptionalString(context, "ip"),
    };

    private static Dictionary<string, object?> ReadProperties(JsonElement properties)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in properties.EnumerateObject())
        {
            result[property.Name] = ToPropertyValue(property.Value);
        }

        return result;
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string RequiredString(JsonElement element, string name) =>
        OptionalString(element, name) ?? throw new JsonException($"The stored event has no '{name}'.");

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
