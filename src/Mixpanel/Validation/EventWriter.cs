using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MixpanelSync.Mixpanel;

/// <summary>
/// Validates one event and writes it as one NDJSON line, in a single pass over its properties. Repairs are
/// applied while writing; a rejected event leaves the output as it was. Not thread-safe: each batch builder and
/// each concurrent validation uses its own instance.
/// </summary>
internal sealed partial class EventWriter
{
    // The relaxed encoder writes non-ASCII text as UTF-8 rather than \uXXXX escapes. The output is an HTTP body,
    // never embedded in HTML, so the characters it leaves unescaped are harmless.
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly int _maxDepth;
    private readonly NestingDepthPolicy _depthPolicy;
    private readonly ArrayLengthPolicy _arrayPolicy;
    private readonly PlaceholderDistinctIdPolicy _placeholderPolicy;
    private readonly InvalidInsertIdPolicy _insertIdPolicy;
    private readonly int _maxEventBytes;
    private readonly Utf8JsonWriter _json = new(Stream.Null, JsonOptions);
    private readonly FieldPath _path = new();
    private List<ValidationIssue>? _warnings;
    private ValidationIssue? _rejection;

    public EventWriter(MixpanelValidationOptions options)
    {
        _maxDepth = options.MaxNestingDepth;
        _depthPolicy = options.NestingDepthPolicy;
        _arrayPolicy = options.ArrayLengthPolicy;
        _placeholderPolicy = options.PlaceholderDistinctIdPolicy;
        _insertIdPolicy = options.InvalidInsertIdPolicy;
        _maxEventBytes = options.MaxEventBytes;
    }

    /// <summary>
    /// Validates the event and, unless it is rejected, appends its JSON and a line feed to the output.
    /// </summary>
    public EventValidationResult Write(
        MixpanelEvent mixpanelEvent,
        PooledBufferWriter output,
        in EventWriteContext context)
    {
        _warnings = null;
        _rejection = null;
        _path.Clear();
        var start = output.WrittenCount;
        if (mixpanelEvent.Compact is { } compact && TryCopyCompact(compact, output, context))
        {
            var copied = output.WrittenCount - start;
            output.WriteByte((byte)'\n');
            return new EventValidationResult(
                mixpanelEvent.SourceKey,
                null,
                null,
                compact.Time,
                compact.InsertId,
                copied);
        }

        if (!TryWriteEvent(mixpanelEvent, output, context, out var time, out var insertId))
        {
            _json.Reset(Stream.Null);
            output.Truncate(start);
            return new EventValidationResult(mixpanelEvent.SourceKey, _rejection, _warnings, 0, null, 0);
        }

        var byteCount = output.WrittenCount - start;
        output.WriteByte((byte)'\n');
        return new EventValidationResult(mixpanelEvent.SourceKey, null, _warnings, time, insertId, byteCount);
    }

    private bool TryWriteEvent(
        MixpanelEvent mixpanelEvent,
        PooledBufferWriter output,
        in EventWriteContext context,
        out long time,
        out string? insertId)
    {
        time = 0;
        insertId = null;
        var properties = mixpanelEvent.Properties;
        if (!TryFindReserved(properties, out var reserved)
            || !CheckEventName(mixpanelEvent.Name)
            || !TryResolveTime(properties, reserved.Time, context, out time)
            || !TryResolveDistinctId(properties, reserved.DistinctId, out var distinctId)
            || !TryResolveInsertId(properties, reserved.InsertId, out insertId))
        {
            return false;
        }

        var addsToken = context.Endpoint == MixpanelIngestionEndpoint.Track && reserved.Token < 0;
        var propertyCount = properties.Count + (reserved.Ip < 0 ? 1 : 0) + (addsToken ? 1 : 0);
        if (propertyCount > MixpanelLimits.MaxProperties)
        {
            return Reject(
                ValidationCode.TooManyProperties,
                "properties",
                $"The event has {propertyCount} properties; Mixpanel accepts at most {MixpanelLimits.MaxProperties}.");
        }

        _json.Reset(output);
        _json.WriteStartObject();
        _json.WritePropertyName("event"u8);
        WriteText(mixpanelEvent.Name!, TextRole.EventName);
        _json.WritePropertyName("properties"u8);
        _json.WriteStartObject();
        if (!WriteProperties(properties, reserved, time, distinctId!, insertId!))
        {
            return false;
        }

        if (reserved.Ip < 0)
        {
            // Without an 'ip' property Mixpanel geolocates the request's address, which is our server's.
            _json.WriteNumber("ip"u8, 0);
        }

        if (addsToken)
        {
            _json.WriteString("token"u8, context.ProjectToken);
        }

        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();
        return CheckEventSize();
    }

    private bool WriteProperties(
        IReadOnlyList<KeyValuePair<string, object?>> properties,
        in ReservedProperties reserved,
        long time,
        string distinctId,
        string insertId)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            if (i == reserved.Time)
            {
                _json.WriteNumber("time"u8, time);
            }
            else if (i == reserved.DistinctId)
            {
                _json.WritePropertyName("distinct_id"u8);
                _path.Push("distinct_id");
                WriteText(distinctId, TextRole.Value);
                _path.Pop();
            }
            else if (i == reserved.InsertId)
            {
                _json.WriteString("$insert_id"u8, insertId);
            }
            else if (i == reserved.Ip && IsBlankIp(properties[i].Value))
            {
                _json.WriteNumber("ip"u8, 0);
            }
            else if (!WriteMember(properties[i].Key ?? string.Empty, null, properties[i].Value, level: 1))
            {
                return false;
            }

            if (EventBytes >= _maxEventBytes)
            {
                return RejectTooLarge();
            }
        }

        return true;
    }

    // A compact event is already what the general path would write, apart from the checks that depend on the
    // options, the endpoint and the clock. When one of them would act, the general path runs instead.
    private bool TryCopyCompact(CompactEvent compact, PooledBufferWriter output, in EventWriteContext context)
    {
        var json = compact.Json;
        var length = json.Length + (compact.AddsIp ? CompactIpSuffix.Length : 0);
        var latest = context.NowMilliseconds + (long)MixpanelLimits.MaxFutureSkew.TotalMilliseconds;
        if (context.Endpoint != MixpanelIngestionEndpoint.Import
            || compact.DeepestLevel > _maxDepth
            || length >= _maxEventBytes
            || compact.Time < MixpanelLimits.MinEventTimeMilliseconds
            || compact.Time > latest)
        {
            return false;
        }

        if (!compact.AddsIp)
        {
            output.Write(json);
            return true;
        }

        // The JSON ends with the "}}" of the properties and the event, so the ip goes before them, where the
        // general path adds it.
        output.Write(json.AsSpan(0, json.Length - 2));
        output.Write(CompactIpSuffix);
        output.Write("}}"u8);
        return true;
    }

    private static ReadOnlySpan<byte> CompactIpSuffix => ",\"ip\":0"u8;

    private static bool IsBlankIp(object? value) =>
        value is null || (value is string text && string.IsNullOrWhiteSpace(text));

    private bool CheckEventName(string? name)
    {
        return !string.IsNullOrWhiteSpace(name)
            || Reject(ValidationCode.EventNameMissing, "event", "The event name is missing, empty or only whitespace.");
    }

    private bool CheckEventSize() => EventBytes < _maxEventBytes || RejectTooLarge();

    private long EventBytes => _json.BytesCommitted + _json.BytesPending;

    private bool RejectTooLarge() => Reject(
        ValidationCode.EventTooLarge,
        "properties",
        string.Create(
            CultureInfo.InvariantCulture,
            $"The serialized event reaches {EventBytes} bytes; the limit is {_maxEventBytes - 1} bytes."));

    private bool Reject(ValidationCode code, string field, string message)
    {
        _rejection = new ValidationIssue(code, field, message);
        return false;
    }

    private void Warn(ValidationCode code, string field, string message)
    {
        _warnings ??= new List<ValidationIssue>(2);
        _warnings.Add(new ValidationIssue(code, field, message));
    }
}
