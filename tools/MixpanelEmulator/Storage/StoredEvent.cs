using System.Text;
using System.Text.Json;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// One event as the emulator stored it: strings truncated, future time clamped, <c>ip</c> removed and
/// <c>$import</c>, <c>$mp_api_endpoint</c> and <c>$mp_api_timestamp_ms</c> added.
/// </summary>
public sealed class StoredEvent
{
    private JsonElement? _root;

    internal StoredEvent(
        string name,
        string distinctId,
        long timeMilliseconds,
        string insertId,
        bool insertIdGenerated,
        string endpoint,
        byte[] json)
    {
        Name = name;
        DistinctId = distinctId;
        TimeMilliseconds = timeMilliseconds;
        InsertId = insertId;
        InsertIdGenerated = insertIdGenerated;
        Endpoint = endpoint;
        Json = json;
    }

    /// <summary>Event name.</summary>
    public string Name { get; }

    /// <summary>Stored distinct_id, after Simplified ID Merge derivation.</summary>
    public string DistinctId { get; }

    /// <summary>
    /// Event time in milliseconds since the Unix epoch, whether it was sent in seconds or milliseconds.
    /// </summary>
    public long TimeMilliseconds { get; }

    /// <summary>Event time as a <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(TimeMilliseconds);

    /// <summary><c>$insert_id</c> as sent, or the one the emulator generated.</summary>
    public string InsertId { get; }

    /// <summary>
    /// Whether the emulator generated <see cref="InsertId"/>, which makes the event exempt from deduplication.
    /// </summary>
    public bool InsertIdGenerated { get; }

    /// <summary>Path that received the event: <c>/import</c> or <c>/track</c>.</summary>
    public string Endpoint { get; }

    /// <summary>Position in the project's raw log, starting at 1.</summary>
    public long Sequence { get; internal set; }

    /// <summary>When the emulator stored the event, by its clock.</summary>
    public DateTimeOffset IngestedAt { get; internal set; }

    /// <summary>
    /// <see cref="Sequence"/> of the later copy with the same deduplication key that replaced this event in the
    /// query view, or 0 while this event is the kept copy.
    /// </summary>
    internal long ReplacedBySequence { get; set; }

    /// <summary>The stored event as UTF-8 JSON: <c>{"event":...,"properties":{...}}</c>.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>The stored <c>properties</c> object, parsed on first use.</summary>
    public JsonElement Properties => Root.GetProperty("properties");

    private JsonElement Root => _root ??= JsonSerializer.Deserialize<JsonElement>(Json.Span);

    /// <summary>Returns a stored property, or <see langword="null"/> when the event has none of that name.</summary>
    public JsonElement? GetProperty(string name) =>
        Properties.TryGetProperty(name, out var value) ? value : null;

    /// <inheritdoc/>
    public override string ToString() => Encoding.UTF8.GetString(Json.Span);
}
