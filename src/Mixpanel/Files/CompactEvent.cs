using System.Text.Json;

namespace MixpanelSync.Mixpanel;

/// <summary>
/// An event read from a file whose JSON is already in the form the validator would write: compact, with a
/// millisecond <c>time</c>, a usable <c>distinct_id</c> and <c>$insert_id</c>, ASCII text without escapes and
/// numbers in their shortest form. <see cref="CompactEventScanner"/> decides which records qualify.
/// </summary>
/// <remarks>
/// The validator copies these bytes instead of re-serialising the event, after the checks that depend on its
/// options and the clock; anything else reads <see cref="Parse"/>'s properties, which equal those the general
/// reader would have produced for the same record.
/// </remarks>
internal sealed class CompactEvent(byte[] json, long time, string insertId, bool addsIp, int deepestLevel)
{
    /// <summary>The event as <c>{"event":…,"properties":{…}}</c>, without the line feed.</summary>
    public byte[] Json { get; } = json;

    /// <summary>The event time in epoch milliseconds.</summary>
    public long Time { get; } = time;

    /// <summary>The <c>$insert_id</c>, from the record or derived from its content.</summary>
    public string InsertId { get; } = insertId;

    /// <summary>Whether the record has no <c>ip</c> property, so that <c>"ip":0</c> is appended when writing.</summary>
    public bool AddsIp { get; } = addsIp;

    /// <summary>
    /// The nesting level of the deepest object or list among the property values (1 for a value of a top-level
    /// property), or 0 when there is none.
    /// </summary>
    public int DeepestLevel { get; } = deepestLevel;

    /// <summary>Reads the event name and properties from <see cref="Json"/>.</summary>
    public (string? Name, IReadOnlyList<KeyValuePair<string, object?>> Properties) Parse()
    {
        using var document = JsonDocument.Parse(Json);
        var mixpanelEvent = MixpanelFileReader.Convert(document.RootElement, 0, out _)!;
        return (mixpanelEvent.Name, mixpanelEvent.Properties);
    }
}
