using System.Text.Json.Nodes;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>Stored events that share one value of a property.</summary>
/// <param name="Value">
/// The property's value as stored; <see langword="null"/> for events without the property or with a null value.
/// </param>
/// <param name="EventsStored">Events of this value in the raw log, duplicates included.</param>
/// <param name="UniqueEvents">Events of this value in the deduplicated query view.</param>
public sealed record PropertyGroupCounts(JsonNode? Value, long EventsStored, long UniqueEvents)
{
    /// <summary>Stored copies beyond the first of a deduplication key: <c>EventsStored - UniqueEvents</c>.</summary>
    public long DuplicateEvents => EventsStored - UniqueEvents;
}
