namespace MixpanelSync.MixpanelEmulator;

/// <summary>Event counts of one project since it was added or its data was last cleared.</summary>
/// <param name="Stored">Events in the raw log, duplicates included.</param>
/// <param name="Unique">Events in the query view: distinct deduplication keys.</param>
/// <param name="Rejected">Events that failed validation in requests that were otherwise processed.</param>
/// <param name="Dropped">Events accepted without storing: <c>$ignore</c>, or older than five days on /track.</param>
internal readonly record struct EventCounts(long Stored, long Unique, long Rejected, long Dropped);
