using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
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
        ArgumentNullException.ThrowIfNull(json);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return Deserialize(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads an event that <see cref="Serialize(BrandEvent)"/> wrote, from its UTF-8 bytes.</summary>
    /// <remarks>
    /// A sync reads every stored event through here, so it reads the JSON in one pass without building a
    /// document, and property names, the type and the device fields come from <see cref="RepeatedStrings"/>
    /// rather than being allocated for every event.
    /// </remarks>
    /// <exception cref="JsonException">The text is not JSON or lacks event_id, type or occurred_at.</exception>
    public static BrandEvent Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        ReadExpecting(ref reader, JsonTokenType.StartObject);
        string? eventId = null, type = null, occurredAt = null, userId = null, deviceId = null, sessionId = null;
        DateTimeOffset? occurredAtValue = null;
        var context = BrandEventContext.Empty;
        Dictionary<string, object?>? properties = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.ValueSpan;
            reader.Read();
            if (key.SequenceEqual("event_id"u8))
            {
                eventId = TextOrNull(ref reader);
            }
            else if (key.SequenceEqual("type"u8))
            {
                type = RepeatedTextOrNull(ref reader);
            }
            else if (key.SequenceEqual("occurred_at"u8))
            {
                occurredAtValue = reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var exact)
                    ? exact
                    : null;
                occurredAt = occurredAtValue is null ? TextOrNull(ref reader) : null;
            }
            else if (key.SequenceEqual("user_id"u8))
            {
                userId = TextOrNull(ref reader);
            }
            else if (key.SequenceEqual("device_id"u8))
            {
                deviceId = TextOrNull(ref reader);
            }
            else if (key.SequenceEqual("session_id"u8))
            {
                sessionId = TextOrNull(ref reader);
            }
            else if (key.SequenceEqual("context"u8) && reader.TokenType == JsonTokenType.StartObject)
            {
                context = ReadContext(ref reader);
            }
            else if (key.SequenceEqual("properties"u8) && reader.TokenType == JsonTokenType.StartObject)
            {
                properties = ReadProperties(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new BrandEvent
        {
            EventId = eventId ?? throw Missing("event_id"),
            Type = type ?? throw Missing("type"),
            OccurredAt = occurredAtValue
                ?? DateTimeOffset.Parse(occurredAt ?? throw Missing("occurred_at"), CultureInfo.InvariantCulture),
            UserId = userId,
            DeviceId = deviceId,
            SessionId = sessionId,
            Context = context,
            Properties = properties ?? new Dictionary<string, object?>(StringComparer.Ordinal),
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

    private static BrandEventContext ReadContext(ref Utf8JsonReader reader)
    {
        var fields = default(ContextFields);
        var any = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = ContextField(reader.ValueSpan);
            reader.Read();
            if (field < 0)
            {
                reader.Skip();
                continue;
            }

            // Device and location values repeat across events, but the IP address mostly does not.
            fields[field] = field == BrandEventContext.IpField
                ? TextOrNull(ref reader)
                : RepeatedTextOrNull(ref reader);
            any |= fields[field] is not null;
        }

        return any ? BrandEventContext.FromFields(fields) : BrandEventContext.Empty;
    }

    /// <summary>One value per context field, in the order of <see cref="BrandEventContext.FieldNames"/>.</summary>
    [InlineArray(BrandEventContext.FieldCount)]
    private struct ContextFields
    {
        private string? _first;
    }

    private static int ContextField(ReadOnlySpan<byte> key)
    {
        for (var field = 0; field < ContextKeys.Length; field++)
        {
            if (key.SequenceEqual(ContextKeys[field]))
            {
                return field;
            }
        }

        return -1;
    }

    private static readonly byte[][] ContextKeys = [.. BrandEventContext.FieldNames.Select(Encoding.UTF8.GetBytes)];

    private static Dictionary<string, object?> ReadProperties(ref Utf8JsonReader reader)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = RepeatedStrings.Read(ref reader);
            reader.Read();
            result[name] = ReadValue(ref reader);
        }

        return result;
    }

    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var whole))
                {
                    return whole;
                }

                return reader.TryGetDecimal(out var exact) ? exact : reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                var items = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return items;
            default:
                throw new JsonException($"A property value cannot be a JSON {reader.TokenType}.");
        }
    }

    private static void ReadExpecting(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (!reader.Read() || reader.TokenType != expected)
        {
            throw new JsonException($"The stored event is not a JSON object: it starts with {reader.TokenType}.");
        }
    }

    private static string? TextOrNull(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        return reader.GetString();
    }

    /// <summary>Reads a string value that often repeats, such as an event type or an operating system.</summary>
    private static string? RepeatedTextOrNull(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        return RepeatedStrings.Read(ref reader);
    }

    private static JsonException Missing(string name) => new($"The stored event is missing '{name}'.");

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

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
