namespace MixpanelSync.Events.Schema;

/// <summary>A problem with one event of a batch: an error that rejected it, or a warning about a repair.</summary>
/// <param name="Index">
/// The event's 0-based position in the batch (array element or non-blank NDJSON line); -1 when the whole batch
/// is unreadable.
/// </param>
/// <param name="EventId">The event's id, when it could be read.</param>
/// <param name="Field">The field at fault, as a path such as <c>properties.watch_time_ms</c>.</param>
/// <param name="Reason">What is wrong, with the value and how to fix it.</param>
public sealed record BrandEventIssue(int Index, string? EventId, string Field, string Reason);
