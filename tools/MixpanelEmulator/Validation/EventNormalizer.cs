using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// Writes the stored form of a valid event: strings and property names cut to 255 characters, time, distinct_id
/// and $insert_id as resolved, <c>ip</c> removed, and the properties Mixpanel adds at ingestion appended.
/// One instance serves one request at a time and reuses its buffer.
/// </summary>
internal sealed class EventNormalizer : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public EventNormalizer()
    {
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    /// <summary>Returns the stored JSON of the event as a new array.</summary>
    public byte[] Normalize(ReadOnlySpan<byte> json, in ResolvedEvent resolved, in IngestionStamp stamp)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        _writer.WriteString("event"u8, resolved.Name);
        _writer.WritePropertyName("properties"u8);
        _writer.WriteStartObject();
        CopyOrdinaryProperties(json);
        WriteTime(json, resolved);
        _writer.WriteString("distinct_id"u8, resolved.DistinctId);
        _writer.WriteString("$insert_id"u8, resolved.InsertId);
        WriteStamp(stamp);
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    public void Dispose() => _writer.Dispose();

    private void CopyOrdinaryProperties(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("properties"u8))
            {
                reader.Skip();
                continue;
            }

            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (KnownProperties.Identify(ref reader) is KnownProperty.None or KnownProperty.UserId
                    or KnownProperty.DeviceId or KnownProperty.Token or KnownProperty.Ignore)
                {
                    WritePropertyName(ref reader);
                    reader.Read();
                    CopyValue(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }

    private void WriteTime(ReadOnlySpan<byte> json, in ResolvedEvent resolved)
    {
        _writer.WritePropertyName("time"u8);
        switch (resolved.TimeRewrite)
        {
            case TimeRewrite.Unchanged:
                _writer.WriteRawValue(json.Slice(resolved.TimeOffset, resolved.TimeLength), skipInputValidation: true);
                break;
            case TimeRewrite.Seconds:
                _writer.WriteNumberValue(resolved.TimeMilliseconds / 1000);
                break;
            default:
                _writer.WriteNumberValue(resolved.TimeMilliseconds);
                break;
        }
    }

    private void WriteStamp(in IngestionStamp stamp)
    {
        if (stamp.IsImport)
        {
            _writer.WriteBoolean("$import"u8, true);
        }

        _writer.WriteString("$mp_api_endpoint"u8, stamp.ApiHost);
        _writer.WriteNumber("$mp_api_timestamp_ms"u8, stamp.TimestampMilliseconds);
    }

    private void WritePropertyName(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && reader.ValueSpan.Length <= IngestionLimits.MaxStringCharacters)
        {
            _writer.WritePropertyName(reader.ValueSpan);
            return;
        }

        _writer.WritePropertyName(StringTruncation.Truncate(reader.GetString()!));
    }

    private void CopyValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                CopyString(ref reader);
                return;
            case JsonTokenType.Number:
                _writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                return;
            case JsonTokenType.True or JsonTokenType.False:
                _writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                return;
            case JsonTokenType.Null:
                _writer.WriteNullValue();
                return;
            case JsonTokenType.StartObject:
                CopyObject(ref reader);
                return;
            default:
                CopyArray(ref reader);
                return;
        }
    }

    private void CopyString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && reader.ValueSpan.Length <= IngestionLimits.MaxStringCharacters)
        {
            _writer.WriteStringValue(reader.ValueSpan);
            return;
        }

        _writer.WriteStringValue(StringTruncation.Truncate(reader.GetString()!));
    }

    private void CopyObject(ref Utf8JsonReader reader)
    {
        _writer.WriteStartObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            WritePropertyName(ref reader);
            reader.Read();
            CopyValue(ref reader);
        }

        _writer.WriteEndObject();
    }

    private void CopyArray(ref Utf8JsonReader reader)
    {
        _writer.WriteStartArray();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            CopyValue(ref reader);
        }

        _writer.WriteEndArray();
    }
}
