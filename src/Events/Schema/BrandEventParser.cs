using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace MixpanelSync.Events.Schema;

/// <summary>
/// Reads brand events from JSON and validates each against the schema (docs/event-schema.md). Never throws on bad
/// input: each rejected event gets one error per problem with its index, field and reason, and the valid events
/// of the same batch are returned.
/// </summary>
public sealed partial class BrandEventParser
{
    /// <summary>The maximum length of an event id.</summary>
    public const int MaxEventIdLength = 200;

    /// <summary>The maximum length of ids and text values, matching Mixpanel's string limit.</summary>
    public const int MaxTextLength = 255;

    /// <summary>
    /// The maximum nesting depth of a batch or line. Values nested this deep are rejected event by event, while
    /// System.Text.Json's default of 64 would reject the whole batch around them.
    /// </summary>
    public const int MaxJsonDepth = 256;

    private static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = MaxJsonDepth };

    private static readonly string[] TopLevelFields =
        ["event_id", "type", "occurred_at", "user_id", "device_id", "session_id", "context", "properties"];

    private static readonly byte[] Utf8ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private static readonly SearchValues<byte> AsciiWhitespace = SearchValues.Create(" \t\n\v\f\r"u8);

    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a parser that checks event times against the given clock.</summary>
    public BrandEventParser(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>Parses a JSON array of events, or an object whose <c>events</c> property is that array.</summary>
    public BrandEventParseResult ParseBatch(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ReaderOptions);
        }
        catch (JsonException exception)
        {
            return Unreadable(
                $"The batch is not valid JSON ({exception.Message}). Send a JSON array of event objects.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("events", out var wrapped))
            {
                root = wrapped;
            }

            return root.ValueKind == JsonValueKind.Array
                ? ParseElements(root.EnumerateArray())
                : Unreadable(
                    $"The batch is {JsonValues.Describe(root)}, not an array. " +
                    "Send a JSON array of event objects, or an object with an \"events\" array.");
        }
    }

    /// <summary>Parses newline-delimited JSON: one event object a line. Blank lines are skipped.</summary>
    public BrandEventParseResult ParseNdjson(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var events = new List<BrandEvent>();
        var errors = new List<BrandEventIssue>();
        var warnings = new List<BrandEventIssue>();
        var index = 0;
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var issues = new EventIssues(index++, errors, warnings);
            if (ParseLine(line, issues) is { } brandEvent)
            {
                events.Add(brandEvent);
            }
        }

        return new BrandEventParseResult(events, errors, warnings, index);
    }

    /// <summary>
    /// Parses newline-delimited JSON from UTF-8 bytes, as <see cref="ParseNdjson(TextReader)"/> does from text:
    /// lines end at <c>\n</c>, <c>\r</c> or both, blank lines are skipped and a leading byte order mark is
    /// ignored. Lines are parsed from the bytes without decoding the body to a string.
    /// </summary>
    public BrandEventParseResult ParseNdjson(ReadOnlyMemory<byte> utf8)
    {
        var events = new List<BrandEvent>();
        var errors = new List<BrandEventIssue>();
        var warnings = new List<BrandEventIssue>();
        var index = 0;
        var rest = utf8.Span.StartsWith(Utf8ByteOrderMark) ? utf8[Utf8ByteOrderMark.Length..] : utf8;
        while (!rest.IsEmpty)
        {
            var end = rest.Span.IndexOfAny((byte)'\n', (byte)'\r');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            var start = line.Span.IndexOfAnyExcept(AsciiWhitespace);
            if (start < 0)
            {
                continue;
            }

            // Text that is not plain UTF-8 JSON goes through the string path, which replaces invalid bytes and
            // treats Unicode whitespace as blank, so both overloads give the same result.
            if (line.Span[start] >= 0x80 || !Utf8.IsValid(line.Span))
            {
                var text = Encoding.UTF8.GetString(line.Span);
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                if (ParseLine(text, new EventIssues(index++, errors, warnings)) is { } decoded)
                {
                    events.Add(decoded);
                }

                continue;
            }

            if (ParseLine(line, new EventIssues(index++, errors, warnings)) is { } brandEvent)
            {
                events.Add(brandEvent);
            }
        }

        return new BrandEventParseResult(events, errors, warnings, index);
    }

    /// <summary>Parses and validates one event object.</summary>
    /// <param name="element">The JSON value of the event.</param>
    /// <param name="index">The event's position in its batch, reported with each issue.</param>
    /// <param name="errors">Receives the errors; the event is rejected when it adds any.</param>
    /// <param name="warnings">Receives the repairs made to the event.</param>
    /// <returns>The event, or <see langword="null"/> when it is rejected.</returns>
    public BrandEvent? ParseEvent(
        JsonElement element,
        int index,
        List<BrandEventIssue> errors,
        List<BrandEventIssue> warnings)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(warnings);
        return ParseEvent(element, new EventIssues(index, errors, warnings));
    }

    private BrandEventParseResult ParseElements(IEnumerable<JsonElement> elements)
    {
        var events = new List<BrandEvent>();
        var errors = new List<BrandEventIssue>();
        var warnings = new List<BrandEventIssue>();
        var index = 0;
        foreach (var element in elements)
        {
            if (ParseEvent(element, new EventIssues(index++, errors, warnings)) is { } brandEvent)
            {
                events.Add(brandEvent);
            }
        }

        return new BrandEventParseResult(events, errors, warnings, index);
    }

    private BrandEvent? ParseLine(ReadOnlyMemory<byte> line, EventIssues issues)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return ParseEvent(document.RootElement, issues);
        }
        catch (JsonException exception)
        {
            issues.Error("", $"The line is not valid JSON ({exception.Message}). Send one event object a line.");
            return null;
        }
    }

    private BrandEvent? ParseLine(string line, EventIssues issues)
    {
        try
        {
            using var document = JsonDocument.Parse(line, ReaderOptions);
            return ParseEvent(document.RootElement, issues);
        }
        catch (JsonException exception)
        {
            issues.Error("", $"The line is not valid JSON ({exception.Message}). Send one event object a line.");
            return null;
        }
    }

    private BrandEvent? ParseEvent(JsonElement element, EventIssues issues)
    {
        try
        {
            return ParseObject(element, issues);
        }
        catch (InvalidOperationException) when (LoneSurrogates.Report(element, issues))
        {
            // JsonElement.GetString throws on a string with a lone surrogate; Report named each such field.
            return null;
        }
    }

    private BrandEvent? ParseObject(JsonElement element, EventIssues issues)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            issues.Error("", $"The event is {JsonValues.Describe(element)}, not a JSON object.");
            return null;
        }

        var fields = ReadTopLevelFields(element, issues);
        issues.EventId = ReadEventId(FieldOf(fields, "event_id"), issues);
        var definition = ReadType(FieldOf(fields, "type"), issues);
        var occurredAt = OccurredAtParser.Parse(FieldOf(fields, "occurred_at"), _timeProvider.GetUtcNow(), issues);
        var (userId, deviceId) = ReadIdentity(fields, issues);
        var sessionId = ReadText(FieldOf(fields, "session_id"), "session_id", issues);
        var context = ContextParser.Parse(FieldOf(fields, "context"), issues);
        var properties = definition is null
            ? null
            : PropertiesParser.Parse(FieldOf(fields, "properties"), definition, issues);

        if (issues.HasErrors || definition is null || occurredAt is null || properties is null || context is null)
        {
            return null;
        }

        return new BrandEvent
        {
            EventId = issues.EventId!,
            Type = definition.Type,
            OccurredAt = occurredAt.Value,
            UserId = userId,
            DeviceId = deviceId,
            SessionId = sessionId,
            Context = context,
            Properties = properties,
        };
    }

    private static BrandEventParseResult Unreadable(string reason) =>
        new([], [new BrandEventIssue(-1, null, "", reason)], [], 0);
}
